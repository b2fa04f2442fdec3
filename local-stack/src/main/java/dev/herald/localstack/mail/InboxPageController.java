package dev.herald.localstack.mail;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * The inbox pages: the list of received emails and a view of each.
 */
@Controller
class InboxPageController {

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

	@GetMapping("/")
	String list(Model model, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		model.addAttribute("emails", this.smtp.inbox().emails());
		model.addAttribute("smtpPort", this.smtp.port());
		model.addAttribute("time", TIME);
		return "inbox/list";
	}

	@GetMapping("/messages/{id}")
	String message(@PathVariable String id, Model model, HttpServletResponse response) {
		response.setHeader("Content-Security-Policy", CONTENT_SECURITY_POLICY);
		ReceivedEmail email = this.smtp.inbox()
			.find(id)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No email with id " + id));
		model.addAttribute("email", email);
		model.addAttribute("time", TIME);
		model.addAttribute("htmlDocument", (email.html() != null) ? SandboxedHtml.document(email.html()) : null);
		return "inbox/message";
	}

	@PostMapping("/messages/delete")
	String deleteAll() {
		this.smtp.inbox().clear();
		return "redirect:/";
	}

}
