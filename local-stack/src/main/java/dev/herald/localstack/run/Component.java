package dev.herald.localstack.run;

/**
 * An infrastructure server the local run can start.
 */
public enum Component {

	/** The Kafka broker. */
	KAFKA("Kafka"),

	/** The MongoDB-protocol server. */
	MONGO("MongoDB"),

	/** The SMTP server and its inbox page. */
	SMTP("SMTP");

	private final String label;

	Component(String label) {
		this.label = label;
	}

	/**
	 * A name for messages.
	 * @return the label
	 */
	public String label() {
		return this.label;
	}

}
