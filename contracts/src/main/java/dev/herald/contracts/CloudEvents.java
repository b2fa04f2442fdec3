package dev.herald.contracts;

/**
 * The Kafka headers that carry a record event's CloudEvents attributes (binary content
 * mode of the CloudEvents Kafka binding), as {@code asyncapi.yaml} lists them: every
 * producer writes and every consumer reads them under these names.
 */
public final class CloudEvents {

	/** The event id; the contract makes it the record id. */
	public static final String ID = "ce_id";

	/** The event type, {@link RecordContract#EVENT_TYPE} for a record event. */
	public static final String TYPE = "ce_type";

	/** Who published the event. */
	public static final String SOURCE = "ce_source";

	/** The CloudEvents version, {@value #SPEC_VERSION_1_0}. */
	public static final String SPEC_VERSION = "ce_specversion";

	/** The CloudEvents version this contract uses. */
	public static final String SPEC_VERSION_1_0 = "1.0";

	/** When the event was published. */
	public static final String TIME = "ce_time";

	/** The schema of the event's data. */
	public static final String DATA_SCHEMA = "ce_dataschema";

	/** The media type of the value. */
	public static final String CONTENT_TYPE = "content-type";

	private CloudEvents() {
	}

}
