package dev.herald.catalog.ingest;

/**
 * MongoDB refused one record of a bulk write for a reason other than a newer revision
 * being stored already, while the others may have been written.
 */
class RecordStoreException extends RuntimeException {

	private final String recordId;

	RecordStoreException(String recordId, String message) {
		super("Record " + recordId + " was not stored: " + message);
		this.recordId = recordId;
	}

	String recordId() {
		return this.recordId;
	}

}
