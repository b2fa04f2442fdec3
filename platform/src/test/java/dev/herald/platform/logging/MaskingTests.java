package dev.herald.platform.logging;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

class MaskingTests {

	@Test
	void emailShouldKeepTheFirstLetterAndTheDomain() {
		assertThat(Masking.email("john.doe@example.org")).isEqualTo("j***@example.org");
		assertThat(Masking.email("@example.org")).isEqualTo("***");
		assertThat(Masking.email(null)).isNull();
	}

	@Test
	void textShouldMaskEveryAddressInAReply() {
		assertThat(Masking.text("550 5.1.1 <bounce-1@example.org>: Recipient address rejected; cc a.b@mail.example"))
			.isEqualTo("550 5.1.1 <b***@example.org>: Recipient address rejected; cc a***@mail.example");
		assertThat(Masking.text("Invalid Addresses: x@y.org, z@w.org"))
			.isEqualTo("Invalid Addresses: x***@y.org, z***@w.org");
	}

	@Test
	void textShouldLeaveWhatIsNotAnAddressAlone() {
		assertThat(Masking.text("record 42 at @home, user@localhost, plain text"))
			.isEqualTo("record 42 at @home, user@localhost, plain text");
		assertThat(Masking.text(null)).isNull();
	}

	@Test
	void textShouldMaskTokenAndKeyValues() {
		assertThat(Masking.text("GET /subscriptions/confirm?token=abc.DEF-123_~x&lang=ru"))
			.isEqualTo("GET /subscriptions/confirm?token=***&lang=ru");
		assertThat(Masking.text("Authorization: Bearer s3cr3t+/= and api key=k-1"))
			.isEqualTo("Authorization: Bearer *** and api key=***");
		assertThat(Masking.text("monkey=banana")).as("a word ending in key").isEqualTo("monkey=banana");
	}

	@Test
	void exceptionShouldMaskEveryMessageOfTheChainAndKeepTheStackTrace() {
		IllegalStateException cause = new IllegalStateException("550 <jane@example.org> refused");
		RuntimeException ex = new RuntimeException("Failed messages: jane@example.org", cause);

		Throwable masked = Masking.exception(ex);

		assertThat(masked.getMessage()).isEqualTo("java.lang.RuntimeException: Failed messages: j***@example.org");
		assertThat(masked.getCause().getMessage())
			.isEqualTo("java.lang.IllegalStateException: 550 <j***@example.org> refused");
		assertThat(masked.getStackTrace()).isEqualTo(ex.getStackTrace());
	}

	/**
	 * A guard against quadratic scans, not a speed figure: a quadratic scan of these
	 * texts takes minutes; a linear one, milliseconds.
	 */
	@Test
	void hostileTextsShouldBeMaskedInLinearTime() {
		String localParts = "a".repeat(1_000_000) + "@";
		String ats = "a@".repeat(500_000);
		String domains = "@" + "a.".repeat(500_000);
		String tokens = "token=".repeat(150_000);
		for (String hostile : new String[] { localParts, ats, domains, tokens }) {
			assertTimeoutPreemptively(Duration.ofSeconds(10), () -> Masking.text(hostile));
		}
	}

}
