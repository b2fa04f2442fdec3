package dev.herald.notify.console;

import java.security.Principal;
import java.time.Duration;

import dev.herald.notify.matching.DeadLetterRedrive;
import dev.herald.notify.matching.DeadLetterTopic;
import dev.herald.notify.ratelimit.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The records dead-letter topic: its counts, its newest messages each with the rule it
 * broke, and a re-drive of one message or of every message not re-driven yet, after a
 * fix.
 */
@Controller
class ConsoleDeadLetters {

	static final int SHOWN = 50;

	static final int REDRIVE_LIMIT = 10_000;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration REDRIVE_TIMEOUT = Duration.ofSeconds(30);

	private final DeadLetterTopic topic;

	private final DeadLetterRedrive redrive;

	private final ConsoleAudit audit;

	private final ClientAddresses clients;

	ConsoleDeadLetters(DeadLetterTopic topic, DeadLetterRedrive redrive, ConsoleAudit audit, ClientAddresses clients) {
		this.topic = topic;
		this.redrive = redrive;
		this.audit = audit;
		this.clients = clients;
	}

	@GetMapping("/console/dead-letters")
	String deadLetters(Model model) {
		model.addAttribute("counts", this.topic.counts(TIMEOUT));
		model.addAttribute("messages", this.topic.newest(SHOWN, TIMEOUT));
		return "console/dead-letters";
	}

	@PostMapping("/console/dead-letters/redrive")
	String redriveAll(Principal operator, HttpServletRequest request, RedirectAttributes redirect) {
		DeadLetterRedrive.Result result = this.redrive.redrive(REDRIVE_LIMIT, REDRIVE_TIMEOUT);
		return done(result, "redrive-all", this.topic.name(), operator, request, redirect);
	}

	@PostMapping("/console/dead-letters/{partition}/{offset}/redrive")
	String redriveOne(@PathVariable int partition, @PathVariable long offset, Principal operator,
			HttpServletRequest request, RedirectAttributes redirect) {
		String target = this.topic.name() + "/" + partition + "@" + offset;
		return this.redrive.redriveOne(partition, offset, REDRIVE_TIMEOUT)
			.map((result) -> done(result, "redrive-one", target, operator, request, redirect))
			.orElseGet(() -> {
				this.audit.record(operator.getName(), this.clients.of(request), "redrive-one", target,
						"refused: no such message");
				redirect.addFlashAttribute("missing", target);
				return "redirect:/console/dead-letters";
			});
	}

	private String done(DeadLetterRedrive.Result result, String action, String target, Principal operator,
			HttpServletRequest request, RedirectAttributes redirect) {
		this.audit.record(operator.getName(), this.clients.of(request), action, target, result.read() + " read, "
				+ result.matched() + " matched, " + result.refused().size() + " still refused");
		redirect.addFlashAttribute("result", result);
		return "redirect:/console/dead-letters";
	}

}
