package dev.herald.localstack.mail;

import java.util.List;
import java.util.Locale;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The received emails as JSON, newest first.
 */
@RestController
@RequestMapping("/api/messages")
class InboxApiController {

	private final Inbox inbox;

	InboxApiController(SmtpServer smtp) {
		this.inbox = smtp.inbox();
	}

	/**
	 * The emails, newest first.
	 * @param to when given, only emails with an envelope recipient containing this text,
	 * ignoring case (an address, or a domain such as {@code @example.org})
	 * @param subject when given, only emails whose subject contains this text
	 * @return the emails
	 */
	@GetMapping
	List<ReceivedEmail> messages(@RequestParam(required = false) String to,
			@RequestParam(required = false) String subject) {
		List<ReceivedEmail> emails = this.inbox.emails();
		if (to == null || to.isBlank()) {
			return (subject == null) ? emails : emails.stream().filter((email) -> hasSubject(email, subject)).toList();
		}
		String wanted = to.toLowerCase(Locale.ROOT);
		return emails.stream()
			.filter((email) -> email.envelopeTo()
				.stream()
				.anyMatch((recipient) -> recipient.toLowerCase(Locale.ROOT).contains(wanted)))
			.filter((email) -> subject == null || hasSubject(email, subject))
			.toList();
	}

	private static boolean hasSubject(ReceivedEmail email, String text) {
		return email.subject() != null && email.subject().contains(text);
	}

	@GetMapping("/{id}")
	ResponseEntity<?> message(@PathVariable String id) {
		return this.inbox.find(id)
			.<ResponseEntity<?>>map(ResponseEntity::ok)
			.orElseGet(() -> ResponseEntity
				.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No email with id " + id + " in the inbox"))
				.build());
	}

	@DeleteMapping
	ResponseEntity<Void> deleteAll() {
		this.inbox.clear();
		return ResponseEntity.noContent().build();
	}

}
