package dev.herald.ingest.record;

/**
 * Whether Kafka acknowledged one published record.
 *
 * @param acknowledged {@code true} if the write was acknowledged by all in-sync replicas
 * @param failure why it was not, or {@code null}
 */
record Delivery(boolean acknowledged, Throwable failure) {

	static final Delivery ACKNOWLEDGED = new Delivery(true, null);

	static Delivery failed(Throwable failure) {
		return new Delivery(false, failure);
	}

}
