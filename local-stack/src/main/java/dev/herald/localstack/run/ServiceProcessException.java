package dev.herald.localstack.run;

/**
 * A supervised process could not be found, started, or did not become ready.
 */
public class ServiceProcessException extends RuntimeException {

	/**
	 * Creates an exception.
	 * @param message what went wrong, naming the process and its log file
	 */
	public ServiceProcessException(String message) {
		super(message);
	}

	/**
	 * Creates an exception.
	 * @param message what went wrong, naming the process
	 * @param cause the cause
	 */
	public ServiceProcessException(String message, Throwable cause) {
		super(message, cause);
	}

}
