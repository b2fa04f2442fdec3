package dev.herald.localstack.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inbox pages, a mail catcher's: the received emails newest first, searchable by
 * recipient, sender or subject; each email with its HTML part rendered in a sandbox (no
 * script), its text, headers and raw source; delete one, the ones found, or all.
 */
@Controller
class InboxPageController {

	/** The most emails one list shows; a search narrows the rest down. */
	static final int MAX_LISTED = 50;

	private static final int MAX_QUERY = 500;

	private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
		.withZone(ZoneId.systemDefault());

	/**
	 * No scripts at all; the email's own inline styles and images may load inside the
	 * sandboxed frame, which inherits this policy.
	 */
	private static final String CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'unsafe-inline'; "
			+ "img-src 'self' data: cid:; frame-src 'self'; form-action 'self'; frame-ancestors 'none'";

	private final SmtpServer smtp;

	InboxPageController(SmtpServer smtp) {
		this.smtp = smtp;
	}

	@ModelAttribute
	void policy(HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
	}

	@GetMapping("/")
	String list(@RequestParam(name = "q", required = false) String query,
			@RequestParam(name = "deleted", required = false) Integer deleted, Model model) {
		String search = (query != null && !query.isBlank()) ? query.strip() : null;
		if (search != null && search.length() > MAX_QUERY) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "The search is longer than " + MAX_QUERY);
		}
		List<ReceivedEmail> all = this.smtp.inbox().emails();
		List<ReceivedEmail> found = (search != null) ? all.stream().filter(InboxSearch.parse(search)).toList() : all;
		model.addAttribute("emails", found.subList(0, Math.min(found.size(), MAX_LISTED)));
		model.addAttribute("found", found.size());
		model.addAttribute("total", all.size());
		model.addAttribute("query", search);
		model.addAttribute("deleted", (deleted != null && deleted >= 0) ? deleted : null);
		model.addAttribute("read", this.smtp.inbox().readIds());
		model.addAttribute("smtpPort", this.smtp.port());
		model.addAttribute("time", TIME);
		return "inbox/list";
	}

	@GetMapping("/messages/{id}")
	String message(@PathVariable String id, Model model) {
		ReceivedEmail email = find(id);
		this.smtp.inbox().markRead(email.id());
		model.addAttribute("email", email);
		model.addAttribute("time", TIME);
		model.addAttribute("htmlDocument", (email.html() != null) ? SandboxedHtml.document(email.html()) : null);
		return "inbox/message";
	}

	@PostMapping("/messages/{id}/delete")
	String delete(@PathVariable String id) {
		find(id);
		this.smtp.inbox().delete((email) -> email.id().equals(id));
		return "redirect:/?deleted=1";
	}

	@PostMapping("/messages/delete")
	String deleteAll(@RequestParam(name = "q", required = false) String query) {
		int before = this.smtp.inbox().size();
		if (query != null && !query.isBlank()) {
			this.smtp.inbox().delete(InboxSearch.parse(query.strip()));
		}
		else {
			this.smtp.inbox().clear();
		}
		return "redirect:/?deleted=" + Math.max(0, before - this.smtp.inbox().size());
	}

	private ReceivedEmail find(String id) {
		return this.smtp.inbox()
			.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No email with id " + id));
	}

}
