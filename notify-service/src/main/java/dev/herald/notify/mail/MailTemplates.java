package dev.herald.notify.mail;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.ClassLoaderTemplateResolver;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Renders email bodies from the templates under {@code mail/}: {@code <name>.txt} in TEXT
 * mode and {@code <name>.html} in HTML mode, where every value is escaped. This engine is
 * separate from the one that renders web pages.
 * <p>
 * Besides its own variables, every template sees {@code lang}, the language of the locale
 * it is rendered in (for {@code <html lang>}): a plain variable costs a map lookup, where
 * {@code #locale.language} is a reflective call at every render. For the same reason a
 * template reads a variable as {@code ${name}}, and compares it outside the braces
 * ({@code ${date} != null}): the {@link PlainVariables} dialect reads such a variable
 * without SpEL.
 */
@Component
class MailTemplates {

	private final TemplateEngine engine;

	MailTemplates(MessageSource messages) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		engine.setDialect(new PlainVariables());
		// Every alert of a backlog renders its own record: compiled expressions halve
		// that.
		engine.setEnableSpringELCompiler(true);
		engine.setTemplateEngineMessageSource(messages);
		engine.addTemplateResolver(resolver(TemplateMode.HTML, "*.html", 1));
		engine.addTemplateResolver(resolver(TemplateMode.TEXT, "*.txt", 2));
		this.engine = engine;
	}

	RenderedBody render(String name, Map<String, Object> variables, Locale locale) {
		Context context = new Context(locale, variables);
		context.setVariable("lang", locale.getLanguage());
		return new RenderedBody(this.engine.process(name + ".txt", context),
				this.engine.process(name + ".html", context));
	}

	private static ClassLoaderTemplateResolver resolver(TemplateMode mode, String pattern, int order) {
		ClassLoaderTemplateResolver resolver = new ClassLoaderTemplateResolver();
		resolver.setPrefix("mail/");
		resolver.setTemplateMode(mode);
		resolver.setResolvablePatterns(Set.of(pattern));
		resolver.setCharacterEncoding(StandardCharsets.UTF_8.name());
		resolver.setCacheable(true);
		resolver.setOrder(order);
		return resolver;
	}

}
