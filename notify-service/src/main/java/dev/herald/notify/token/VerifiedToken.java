package dev.herald.notify.token;

import java.time.Instant;

/**
 * A token whose signature, purpose and expiry were checked.
 *
 * @param subscriberId the subscriber it was issued for
 * @param version the subscriber's token version when it was issued
 * @param purpose what it allows
 * @param expiresAt when it stops being accepted
 */
public record VerifiedToken(String subscriberId, long version, TokenPurpose purpose, Instant expiresAt) {

}
