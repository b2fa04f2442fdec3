package dev.herald.notify.delivery;

import java.time.Instant;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * The event on {@code herald.deliveries.v1} (key: subscriber id) asking a sender to send
 * one ledger entry. It carries ids only; the sender reads the rest.
 *
 * @param deliveryId the ledger entry
 * @param recordId the record
 * @param subscriberId the subscriber
 * @param requestedAt when it was handed off
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record DeliveryRequested(String deliveryId, String recordId, String subscriberId, Instant requestedAt) {

	/** CloudEvents type of the event. */
	public static final String TYPE = "dev.herald.notify.delivery.requested.v1";

}
