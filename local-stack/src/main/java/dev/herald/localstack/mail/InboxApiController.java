package dev.herald.localstack.mail;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.function.Predicate;

import com.fasterxml.jackson.annotation.JsonProperty;

import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The received emails as JSON, newest first, on the paths and in the shapes of Mailpit's
 * API v1: the same commands work against the local inbox and against the Mailpit of the
 * Docker Compose stack. {@code latest} stands for the newest email wherever an id does.
 * Only the part of Mailpit's API that Herald's commands and tests use is served; the list
 * of Mailpit's paths is kept in {@code mailpit-api-paths.txt} of this module's tests.
 */
@RestController
class InboxApiController {

	private static final String LATEST = "latest";

	private static final int DEFAULT_LIMIT = 50;

	private final Inbox inbox;

	InboxApiController(SmtpServer smtp) {
		this.inbox = smtp.inbox();
	}

	@GetMapping("/api/v1/messages")
	MailpitMessages.Summaries messages(@RequestParam(defaultValue = "0") int start,
			@RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		return summaries((email) -> true, start, limit);
	}

	@GetMapping("/api/v1/search")
	MailpitMessages.Summaries search(@RequestParam(defaultValue = "") String query,
			@RequestParam(defaultValue = "0") int start, @RequestParam(defaultValue = "" + DEFAULT_LIMIT) int limit) {
		return summaries(InboxSearch.parse(query), start, limit);
	}

	/**
	 * Deletes the emails of the given ids, or every email when no id is given.
	 * @param request {@code {"IDs": [...]}}, optional
	 * @return {@code ok}, as Mailpit answers
	 */
	@DeleteMapping("/api/v1/messages")
	ResponseEntity<String> delete(@RequestBody(required = false) DeleteRequest request) {
		if (request == null || request.ids() == null || request.ids().isEmpty()) {
			this.inbox.clear();
		}
		else {
			this.inbox.delete((email) -> request.ids().contains(email.id()));
		}
		return ok();
	}

	@DeleteMapping("/api/v1/search")
	ResponseEntity<String> deleteMatching(@RequestParam String query) {
		this.inbox.delete(InboxSearch.parse(query));
		return ok();
	}

	@GetMapping("/api/v1/message/{id}")
	ResponseEntity<?> message(@PathVariable String id) {
		return find(id, (email) -> {
			this.inbox.markRead(email.id());
			return ResponseEntity.ok(MailpitMessages.message(email));
		});
	}

	@GetMapping("/api/v1/message/{id}/headers")
	ResponseEntity<?> headers(@PathVariable String id) {
		return find(id, (email) -> ResponseEntity.ok(email.headers()));
	}

	@GetMapping("/api/v1/message/{id}/raw")
	ResponseEntity<?> raw(@PathVariable String id) {
		return find(id, (email) -> text(MediaType.TEXT_PLAIN, email.raw()));
	}

	@GetMapping("/view/{id}.txt")
	ResponseEntity<?> viewText(@PathVariable String id) {
		return find(id, (email) -> text(MediaType.TEXT_PLAIN, (email.text() != null) ? email.text() : ""));
	}

	private MailpitMessages.Summaries summaries(Predicate<ReceivedEmail> filter, int start, int limit) {
		List<ReceivedEmail> all = this.inbox.emails();
		List<ReceivedEmail> matching = all.stream().filter(filter).toList();
		Set<String> read = this.inbox.readIds();
		int unread = (int) all.stream().filter((email) -> !read.contains(email.id())).count();
		return MailpitMessages.summaries(matching, all.size(), unread, read, Math.max(0, start), Math.max(0, limit));
	}

	private ResponseEntity<?> find(String id, Function<ReceivedEmail, ResponseEntity<?>> answer) {
		Optional<ReceivedEmail> email = LATEST.equals(id) ? this.inbox.emails().stream().findFirst()
				: this.inbox.find(id);
		return email.map(answer)
			.orElseGet(() -> ResponseEntity
				.of(ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No email with id " + id + " in the inbox"))
				.build());
	}

	private static ResponseEntity<?> text(MediaType type, String body) {
		return ResponseEntity.ok()
			.contentType(new MediaType(type, StandardCharsets.UTF_8))
			.cacheControl(CacheControl.noStore())
			.body(body);
	}

	private static ResponseEntity<String> ok() {
		return ResponseEntity.ok().contentType(MediaType.TEXT_PLAIN).body("ok");
	}

	/**
	 * Mailpit's delete request.
	 *
	 * @param ids the ids of the emails to delete
	 */
	record DeleteRequest(@JsonProperty("IDs") List<String> ids) {
	}

}
