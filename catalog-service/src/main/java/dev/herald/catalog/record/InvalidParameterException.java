package dev.herald.catalog.record;

/**
 * A request parameter that cannot be honoured. Answered with 400 naming the parameter.
 */
public class InvalidParameterException extends RuntimeException {

	private final String parameter;

	private InvalidParameterException(String parameter, String message) {
		super(message);
		this.parameter = parameter;
	}

	/**
	 * Creates the exception.
	 * @param parameter name of the offending parameter
	 * @param reason what is wrong with it, as a sentence fragment
	 * @return the exception
	 */
	public static InvalidParameterException of(String parameter, String reason) {
		return new InvalidParameterException(parameter, "Parameter '" + parameter + "' " + reason);
	}

	/**
	 * Returns the name of the offending parameter.
	 * @return the parameter name
	 */
	public String parameter() {
		return this.parameter;
	}

}
