package dev.herald.notify.subscription;

/**
 * A subscriber chose another schedule: what still waits to be sent to them is to follow
 * it.
 *
 * @param subscriberId the subscriber
 */
public record ScheduleChanged(String subscriberId) {
}
