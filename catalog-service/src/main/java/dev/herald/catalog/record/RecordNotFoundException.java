package dev.herald.catalog.record;

/**
 * No record has the requested id.
 */
public class RecordNotFoundException extends RuntimeException {

	private RecordNotFoundException(String message) {
		super(message);
	}

	/**
	 * Creates the exception.
	 * @param id the requested id
	 * @return the exception
	 */
	public static RecordNotFoundException forId(String id) {
		return new RecordNotFoundException("No record with id '" + id + "'");
	}

}
