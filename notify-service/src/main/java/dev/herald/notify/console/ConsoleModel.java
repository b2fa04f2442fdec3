package dev.herald.notify.console;

import java.security.Principal;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/**
 * What every console page shows: the operator signed in, and times in one format (UTC).
 */
@ControllerAdvice(basePackageClasses = ConsoleModel.class)
class ConsoleModel {

	static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
		.withZone(ZoneOffset.UTC);

	@ModelAttribute("operator")
	String operator(Principal principal) {
		return (principal != null) ? principal.getName() : null;
	}

	@ModelAttribute("time")
	DateTimeFormatter time() {
		return TIME;
	}

}
