package dev.herald.notify.schedule;

import java.time.Instant;

/**
 * The email that carries a matched record to its subscriber, and when it is due.
 *
 * @param emailId the email's id: the same for every record it carries, and the seed of
 * its deterministic {@code Message-ID}
 * @param kind what kind of email it is
 * @param dueAt when it is due
 */
public record Slot(String emailId, EmailKind kind, Instant dueAt) {
}
