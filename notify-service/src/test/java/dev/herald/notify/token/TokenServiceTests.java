package dev.herald.notify.token;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatExceptionOfType;

class TokenServiceTests {

	private static final String SECRET = "test-secret-0123456789abcdef0123456789";

	private static final Instant NOW = Instant.parse("2024-03-01T10:00:00Z");

	private final TokenService tokens = new TokenService(SECRET, Clock.fixed(NOW, ZoneOffset.UTC));

	private final String subscriber = UUID.randomUUID().toString();

	@Test
	void verifyWhenIssuedHereShouldReturnSubscriberPurposeAndExpiry() {
		String token = this.tokens.issue(this.subscriber, 0, TokenPurpose.CONFIRM, Duration.ofHours(48));
		VerifiedToken verified = this.tokens.verify(token, TokenPurpose.CONFIRM);
		assertThat(verified.subscriberId()).isEqualTo(this.subscriber);
		assertThat(verified.purpose()).isEqualTo(TokenPurpose.CONFIRM);
		assertThat(verified.expiresAt()).isEqualTo(NOW.plus(Duration.ofHours(48)));
		assertThat(token).matches("[A-Za-z0-9_.-]+");
	}

	@Test
	void verifyWhenExpiredShouldRefuse() {
		String token = this.tokens.issue(this.subscriber, 0, TokenPurpose.CONFIRM, Duration.ofHours(48));
		TokenService later = new TokenService(SECRET, Clock.fixed(NOW.plus(Duration.ofHours(48)), ZoneOffset.UTC));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> later.verify(token, TokenPurpose.CONFIRM))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.EXPIRED));
	}

	@Test
	void verifyWhenSignedWithAnotherSecretShouldRefuse() {
		TokenService forger = new TokenService("another-secret-0123456789abcdef012345",
				Clock.fixed(NOW, ZoneOffset.UTC));
		String forged = forger.issue(this.subscriber, 0, TokenPurpose.UNSUBSCRIBE, Duration.ofDays(1));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.tokens.verify(forged, TokenPurpose.UNSUBSCRIBE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.BAD_SIGNATURE));
	}

	@Test
	void verifyWhenPayloadIsAlteredShouldRefuse() {
		String token = this.tokens.issue(this.subscriber, 0, TokenPurpose.MANAGE, Duration.ofDays(1));
		String signature = token.substring(token.indexOf('.'));
		String otherPayload = Base64.getUrlEncoder()
			.withoutPadding()
			.encodeToString(("m:" + UUID.randomUUID() + ":" + NOW.plusSeconds(3600).getEpochSecond()).getBytes());
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.tokens.verify(otherPayload + signature, TokenPurpose.MANAGE));
	}

	@Test
	void verifyWhenPurposeDiffersShouldRefuse() {
		String token = this.tokens.issue(this.subscriber, 0, TokenPurpose.MANAGE, Duration.ofDays(1));
		assertThatExceptionOfType(InvalidTokenException.class)
			.isThrownBy(() -> this.tokens.verify(token, TokenPurpose.UNSUBSCRIBE))
			.satisfies((ex) -> assertThat(ex.reason()).isEqualTo(InvalidTokenException.Reason.WRONG_PURPOSE));
	}

	@Test
	void verifyWhenGarbageShouldRefuseAsMalformed() {
		for (String garbage : new String[] { null, "", ".", "abc", "a.b", "<script>.x", "a".repeat(300) + ".b",
				"YQ.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA", "A.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA" }) {
			assertThatExceptionOfType(InvalidTokenException.class)
				.isThrownBy(() -> this.tokens.verify(garbage, TokenPurpose.CONFIRM))
				.satisfies((ex) -> assertThat(ex.reason()).isIn(InvalidTokenException.Reason.MALFORMED,
						InvalidTokenException.Reason.BAD_SIGNATURE));
		}
	}

}
