package dev.herald.notify.relay;

import java.net.ConnectException;

import jakarta.mail.Address;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.MessagingException;
import jakarta.mail.SendFailedException;
import jakarta.mail.internet.InternetAddress;
import org.eclipse.angus.mail.smtp.SMTPAddressFailedException;
import org.eclipse.angus.mail.smtp.SMTPSendFailedException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Replies are told apart as the mail library reports them: a refused recipient arrives as
 * a {@link SendFailedException} whose next exception is an
 * {@link SMTPAddressFailedException}; a refused sender or message as an
 * {@link SMTPSendFailedException}; a relay that cannot be reached as a plain
 * {@link MessagingException} around an I/O error.
 */
class SmtpFailureTests {

	@Test
	void permanentRefusalOfTheAddressShouldCountAgainstTheRecipient() throws Exception {
		for (String reply : new String[] { "550 5.1.1 <a@example.org>: User unknown", "553 5.1.3 Bad address syntax",
				"550 5.2.1 Mailbox disabled", "552 5.2.2 Mailbox full",
				"550 Requested action not taken: mailbox unavailable" }) {
			SmtpFailure failure = SmtpFailure.of(refusedRecipient(Integer.parseInt(reply.substring(0, 3)), reply));
			assertThat(failure.kind()).as(reply).isEqualTo(SmtpFailure.Kind.RECIPIENT_REFUSED);
			assertThat(failure.reply()).contains(reply.substring(0, 3));
		}
	}

	@Test
	void replyToRecipientAboutTheRelayOrTheMessageShouldNotCountAgainstTheRecipient() throws Exception {
		for (String reply : new String[] { "550 5.4.5 Daily sending quota exceeded", "554 5.7.1 Relay access denied",
				"550 5.7.26 Unauthenticated email is not accepted" }) {
			SmtpFailure failure = SmtpFailure.of(refusedRecipient(Integer.parseInt(reply.substring(0, 3)), reply));
			assertThat(failure.kind()).as(reply).isEqualTo(SmtpFailure.Kind.RELAY);
			assertThat(failure.answered()).isTrue();
		}
	}

	@Test
	void temporaryRefusalShouldBeTheRelaysEvenForARecipient() throws Exception {
		SmtpFailure failure = SmtpFailure.of(refusedRecipient(451, "451 4.3.0 Mailbox busy, try again later"));
		assertThat(failure.kind()).isEqualTo(SmtpFailure.Kind.RELAY);
		assertThat(failure.code()).isEqualTo(451);
		assertThat(SmtpFailure.of(refusedRecipient(450, "450 4.2.1 Try later")).kind())
			.isEqualTo(SmtpFailure.Kind.RELAY);
	}

	@Test
	void refusalOfTheAddressAfterDataShouldStillCountAgainstTheRecipient() {
		assertThat(SmtpFailure.of(refused("DATA", 550, "550 5.1.1 User unknown")).kind())
			.isEqualTo(SmtpFailure.Kind.RECIPIENT_REFUSED);
	}

	@Test
	void refusalOfTheSenderOrTheMessageShouldBeTheRelays() {
		assertThat(SmtpFailure.of(refused("MAIL FROM", 530, "530 5.7.0 Authentication required")))
			.satisfies((failure) -> {
				assertThat(failure.kind()).isEqualTo(SmtpFailure.Kind.RELAY);
				assertThat(failure.reply()).contains("530 5.7.0");
			});
		assertThat(SmtpFailure.of(refused("DATA", 554, "554 5.7.1 Message rejected")).kind())
			.isEqualTo(SmtpFailure.Kind.RELAY);
		assertThat(SmtpFailure.of(refused("DATA", 421, "421 4.7.0 Try again later")).kind())
			.isEqualTo(SmtpFailure.Kind.RELAY);
	}

	@Test
	void unreachableRelayShouldBeTheRelaysWithoutAReply() {
		SmtpFailure unreachable = SmtpFailure
			.of(new MessagingException("Couldn't connect to host", new ConnectException("Connection refused")));
		assertThat(unreachable.kind()).isEqualTo(SmtpFailure.Kind.RELAY);
		assertThat(unreachable.answered()).isFalse();
		assertThat(SmtpFailure.of(new AuthenticationFailedException("535 5.7.8 Bad credentials")).kind())
			.isEqualTo(SmtpFailure.Kind.RELAY);
	}

	private static SendFailedException refusedRecipient(int code, String reply) throws Exception {
		InternetAddress address = new InternetAddress("a@example.org");
		SMTPAddressFailedException refused = new SMTPAddressFailedException(address, "RCPT TO", code, reply);
		return new SendFailedException("Invalid Addresses", refused, new Address[0], new Address[0],
				new Address[] { address });
	}

	private static SMTPSendFailedException refused(String command, int code, String reply) {
		return new SMTPSendFailedException(command, code, reply, null, new Address[0], new Address[0], new Address[0]);
	}

}
