package dev.herald.notify.console;

import java.security.Principal;
import java.time.Duration;

import dev.herald.notify.matching.DeadLetterRedrive;
import dev.herald.notify.matching.DeadLetterTopic;
import dev.herald.notify.matching.DeadLetterTopics;
import dev.herald.notify.ratelimit.ClientAddresses;
import jakarta.servlet.http.HttpServletRequest;

import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The records dead-letter topics (notify's own and the catalog's): each one's counts, its
 * newest messages with the rule each broke, and a re-drive of one message or of every
 * message not re-driven yet, after a fix.
 */
@Controller
class ConsoleDeadLetters {

	static final int SHOWN = 50;

	static final int REDRIVE_LIMIT = 10_000;

	private static final Duration TIMEOUT = Duration.ofSeconds(10);

	private static final Duration REDRIVE_TIMEOUT = Duration.ofSeconds(30);

	private final DeadLetterTopics topics;

	private final DeadLetterRedrive redrive;

	private final ConsoleAudit audit;

	private final ClientAddresses clients;

	ConsoleDeadLetters(DeadLetterTopics topics, DeadLetterRedrive redrive, ConsoleAudit audit,
			ClientAddresses clients) {
		this.topics = topics;
		this.redrive = redrive;
		this.audit = audit;
		this.clients = clients;
	}

	@GetMapping("/console/dead-letters")
	String deadLetters(@RequestParam(required = false) String topic, Model model) {
		DeadLetterTopic shown = topic(topic);
		model.addAttribute("topics", this.topics.all());
		model.addAttribute("topic", shown);
		model.addAttribute("counts", shown.counts(TIMEOUT));
		model.addAttribute("messages", shown.newest(SHOWN, TIMEOUT));
		return "console/dead-letters";
	}

	@PostMapping("/console/dead-letters/redrive")
	String redriveAll(@RequestParam(required = false) String topic, Principal operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		DeadLetterTopic target = topic(topic);
		DeadLetterRedrive.Result result = this.redrive.redrive(target, REDRIVE_LIMIT, REDRIVE_TIMEOUT);
		return done(result, "redrive-all", target, target.name(), operator, request, redirect);
	}

	@PostMapping("/console/dead-letters/{partition}/{offset}/redrive")
	String redriveOne(@PathVariable int partition, @PathVariable long offset,
			@RequestParam(required = false) String topic, Principal operator, HttpServletRequest request,
			RedirectAttributes redirect) {
		DeadLetterTopic target = topic(topic);
		String message = target.name() + "/" + partition + "@" + offset;
		return this.redrive.redriveOne(target, partition, offset, REDRIVE_TIMEOUT)
			.map((result) -> done(result, "redrive-one", target, message, operator, request, redirect))
			.orElseGet(() -> {
				this.audit.record(operator.getName(), this.clients.of(request), "redrive-one", message,
						"refused: no such message");
				redirect.addFlashAttribute("missing", message);
				return page(target);
			});
	}

	private String done(DeadLetterRedrive.Result result, String action, DeadLetterTopic topic, String target,
			Principal operator, HttpServletRequest request, RedirectAttributes redirect) {
		this.audit.record(operator.getName(), this.clients.of(request), action, target,
				result.read() + " read, " + result.matched() + " matched, " + result.republished()
						+ " published again, " + result.refused().size() + " still refused");
		redirect.addFlashAttribute("result", result);
		return page(topic);
	}

	private static String page(DeadLetterTopic topic) {
		if (topic.own()) {
			return "redirect:/console/dead-letters";
		}
		return "redirect:" + UriComponentsBuilder.fromPath("/console/dead-letters")
			.queryParam("topic", topic.name())
			.encode()
			.build()
			.toUriString();
	}

	private DeadLetterTopic topic(String name) {
		if (name == null || name.isBlank()) {
			return this.topics.own();
		}
		return this.topics.find(name)
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No dead-letter topic " + name));
	}

}
