package dev.herald.notify.mail;

import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.thymeleaf.context.Context;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.spring6.SpringTemplateEngine;
import org.thymeleaf.standard.expression.IStandardVariableExpression;
import org.thymeleaf.standard.expression.SelectionVariableExpression;
import org.thymeleaf.standard.expression.StandardExpressionExecutionContext;
import org.thymeleaf.standard.expression.VariableExpression;
import org.thymeleaf.templatemode.TemplateMode;
import org.thymeleaf.templateresolver.StringTemplateResolver;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.BDDMockito.given;
import static org.mockito.Mockito.atLeastOnce;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;

/**
 * The mail dialect renders what Spring's own renders, whatever the expression: each
 * template goes through both engines and the results must be the same, and as expected.
 */
class PlainVariablesTests {

	private final SpringTemplateEngine spring = engine(false, TemplateMode.HTML);

	private final SpringTemplateEngine plain = engine(true, TemplateMode.HTML);

	@Test
	void shouldReadAVariableAndEscapeItAsSpringDoes() {
		assertThat(render("<p th:text=\"${title}\">x</p>")).isEqualTo("<p>&lt;b&gt;Council&lt;/b&gt; &amp; co</p>");
	}

	@Test
	void shouldCompareOutsideTheBracesAsInsideThem() {
		String outside = "<i th:if=\"${place} != null\">P</i><i th:if=\"${summary} == null\">S</i>";
		String inside = "<i th:if=\"${place != null}\">P</i><i th:if=\"${summary == null}\">S</i>";
		assertThat(render(outside)).isEqualTo("<i>S</i>").isEqualTo(render(inside));
	}

	@Test
	void shouldLeaveWhatIsNotAPlainNameToSpel() {
		assertThat(render("<p th:text=\"${record.title}\">x</p><p th:text=\"${title.length()}\">x</p>"
				+ "<p th:text=\"${count + 1}\">x</p><p th:text=\"${missing}\">x</p>"))
			.isEqualTo("<p>Agenda</p><p>19</p><p>42</p><p></p>");
	}

	@Test
	void shouldReadTheLocalVariablesOfALoop() {
		assertThat(render("<b th:each=\"topic : ${topics}\" th:text=\"${topic}\">t</b>"))
			.isEqualTo("<b>Security</b><b>Trade</b>");
	}

	@Test
	void shouldRenderTextTemplatesTheSameWay() {
		SpringTemplateEngine springText = engine(false, TemplateMode.TEXT);
		SpringTemplateEngine plainText = engine(true, TemplateMode.TEXT);
		String template = "[(${title})][# th:if=\"${place} != null\"] in [(${place})][/][# th:each=\"t : ${topics}\"]"
				+ " #[(${t})][/]";
		String expected = "<b>Council</b> & co #Security #Trade";
		assertThat(plainText.process(template, context())).isEqualTo(expected);
		assertThat(springText.process(template, context())).isEqualTo(expected);
	}

	@Test
	void shouldReadANameWithoutSpel() {
		// SpEL starts from the engine's configuration; a plain name never needs it.
		IExpressionContext context = mock(IExpressionContext.class);
		given(context.containsVariable("title")).willReturn(true);
		given(context.getVariable("title")).willReturn("Council");
		assertThat(PlainVariables.evaluate(context, new VariableExpression("title"),
				StandardExpressionExecutionContext.NORMAL))
			.isEqualTo("Council");
		verify(context, never()).getConfiguration();
	}

	@Test
	void shouldLeaveASelectionToSpel() {
		IExpressionContext context = mock(IExpressionContext.class);
		given(context.containsVariable("title")).willReturn(true);
		evaluateIgnoringFailure(context, new SelectionVariableExpression("title"),
				StandardExpressionExecutionContext.NORMAL);
		verify(context, never()).getVariable("title");
	}

	@Test
	void shouldLeaveAConversionToSpel() {
		IExpressionContext context = mock(IExpressionContext.class);
		given(context.containsVariable("title")).willReturn(true);
		evaluateIgnoringFailure(context, new VariableExpression("title"),
				StandardExpressionExecutionContext.NORMAL.withTypeConversion());
		verify(context, atLeastOnce()).getConfiguration();
	}

	// SpEL gets no further without an engine: what matters is how far it got.
	private static void evaluateIgnoringFailure(IExpressionContext context, IStandardVariableExpression expression,
			StandardExpressionExecutionContext execution) {
		try {
			PlainVariables.evaluate(context, expression, execution);
		}
		catch (RuntimeException ex) {
			// expected without an engine
		}
	}

	@ParameterizedTest
	@ValueSource(strings = { "title", "_x", "lang2", "$a" })
	void shouldTakeIdentifiersForNames(String expression) {
		assertThat(PlainVariables.isName(expression)).isTrue();
	}

	@ParameterizedTest
	@ValueSource(strings = { "", "a.b", "a b", "2a", "a != null", "f()", "a[0]", "null", "true", "T" })
	void shouldNotTakeAnythingElseForAName(String expression) {
		assertThat(PlainVariables.isName(expression)).isFalse();
	}

	private String render(String template) {
		String rendered = this.plain.process(template, context());
		assertThat(this.spring.process(template, context())).as("Spring's rendering").isEqualTo(rendered);
		return rendered;
	}

	private static Context context() {
		Map<String, Object> variables = new HashMap<>();
		variables.put("title", "<b>Council</b> & co");
		variables.put("place", null);
		variables.put("summary", null);
		variables.put("count", 41);
		variables.put("topics", List.of("Security", "Trade"));
		variables.put("record", new Item("Agenda"));
		return new Context(Locale.ENGLISH, variables);
	}

	public static final class Item {

		private final String title;

		Item(String title) {
			this.title = title;
		}

		public String getTitle() {
			return this.title;
		}

	}

	private static SpringTemplateEngine engine(boolean plainVariables, TemplateMode mode) {
		SpringTemplateEngine engine = new SpringTemplateEngine();
		if (plainVariables) {
			engine.setDialect(new PlainVariables());
		}
		StringTemplateResolver resolver = new StringTemplateResolver();
		resolver.setTemplateMode(mode);
		engine.setTemplateResolver(resolver);
		return engine;
	}

}
