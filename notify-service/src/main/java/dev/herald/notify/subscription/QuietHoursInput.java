package dev.herald.notify.subscription;

/**
 * Quiet hours as a request gives them.
 *
 * @param from when they begin, {@code HH:mm}
 * @param to when they end, {@code HH:mm}; before {@code from} for hours across midnight
 */
public record QuietHoursInput(String from, String to) {
}
