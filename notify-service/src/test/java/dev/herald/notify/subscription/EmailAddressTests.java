package dev.herald.notify.subscription;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class EmailAddressTests {

	@Test
	void parseWhenValidShouldLowerCaseDomainAndKeepLocalPart() {
		EmailAddress email = EmailAddress.parse("  Alice.Smith@Example.ORG ");
		assertThat(email.address()).isEqualTo("Alice.Smith@example.org");
		assertThat(email.key()).isEqualTo("alice.smith@example.org");
		assertThat(email.quotaKey()).isEqualTo("alice.smith@example.org");
	}

	@Test
	void parseWhenSubAddressedShouldShareTheQuotaKeyOfTheMailbox() {
		EmailAddress tagged = EmailAddress.parse("victim+1@example.org");
		assertThat(tagged.key()).isEqualTo("victim+1@example.org");
		assertThat(tagged.quotaKey()).isEqualTo("victim@example.org");
	}

	@ParameterizedTest
	@ValueSource(strings = { "victim@example.org\r\nBcc: everyone@example.org", "victim@example.org\nBcc:x@example.org",
			"victim@example.org%0d%0aBcc:x@example.org", "victim@example.org,other@example.org",
			"victim@example.org; other@example.org", "Bcc: victim@example.org", "Victim <victim@example.org>",
			"\"Evil\r\nBcc: x@example.org\" <victim@example.org>", "victim@example.org (comment)", "no-at-sign",
			"@example.org", "victim@", "victim@localhost", "victim@[127.0.0.1]", "victim@127.0.0.1",
			"vic tim@example.org", "victim@exa_mple.org", "victim@-example.org", "vïctim@example.org",
			"victim@example.org\u0000", "a..b@example.org", "group: victim@example.org;" })
	void parseWhenHostileOrInvalidShouldRefuse(String raw) {
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(raw));
	}

	@Test
	void parseWhenLongerThan254ShouldRefuse() {
		String longest = "a".repeat(64) + "@" + "b".repeat(63) + "." + "c".repeat(63) + "." + "d".repeat(63) + ".org";
		assertThat(longest.length()).isGreaterThan(254);
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(longest)).withMessageContaining("254");
	}

	@Test
	void parseWhenMissingShouldSayItIsRequired() {
		assertThatIllegalArgumentException().isThrownBy(() -> EmailAddress.parse(" ")).withMessage("is required");
	}

	@Test
	void variantsOfOneGmailMailboxShouldShareOneQuotaKey() {
		assertThat(EmailAddress.parse("Jane.Doe+news@gmail.com").quotaKey()).isEqualTo("janedoe@gmail.com");
		assertThat(EmailAddress.parse("j.a.n.e.d.o.e@GoogleMail.com").quotaKey()).isEqualTo("janedoe@gmail.com");
		assertThat(EmailAddress.parse("JANEDOE@gmail.com").quotaKey()).isEqualTo("janedoe@gmail.com");
		// Elsewhere dots are part of the mailbox.
		assertThat(EmailAddress.parse("jane.doe@example.org").quotaKey()).isEqualTo("jane.doe@example.org");
		// The address itself, and the subscriber it identifies, stay as given.
		assertThat(EmailAddress.parse("Jane.Doe+news@gmail.com").key()).isEqualTo("jane.doe+news@gmail.com");
	}

}
