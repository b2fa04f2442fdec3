package dev.herald.e2e;

import java.nio.file.Path;

import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives a test its own {@link Browser}, closed when the test ends. When the test fails,
 * the page it was on is kept as a screenshot and its markup under
 * {@code target/browser-failures/}, so that the build's artifacts show what went wrong.
 * Either way the test's output lists every page it checked.
 */
class BrowserExtension implements ParameterResolver, AfterTestExecutionCallback {

	private static final Namespace NAMESPACE = Namespace.create(BrowserExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == Browser.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getStore(NAMESPACE).computeIfAbsent(Browser.class, (key) -> Browser.start(), Browser.class);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		Browser browser = context.getStore(NAMESPACE).get(Browser.class, Browser.class);
		if (browser == null) {
			return;
		}
		String test = context.getRequiredTestClass().getSimpleName() + "-"
				+ context.getDisplayName().replaceAll("[^A-Za-z0-9_-]+", "_");
		System.out.println("browser: " + test + " checked " + browser.checkedPages().size()
				+ " pages with axe and at 375 px: " + String.join(", ", browser.checkedPages()));
		if (context.getExecutionException().isPresent()) {
			Path folder = HeraldSystem.findProjectRoot().resolve("e2e-tests/target/browser-failures");
			browser.keepEvidence(folder, test);
			System.out.println("browser: the page of the failure is kept in " + folder.resolve(test + ".png"));
		}
	}

}
