package dev.herald.e2e;

import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * Gives tests the running {@link HeraldSystem}: started once for the whole test run, with
 * any process an earlier test left down started again, and closed by JUnit when the run
 * ends, whether the tests passed or not.
 */
class HeraldSystemExtension implements ParameterResolver {

	private static final Namespace NAMESPACE = Namespace.create(HeraldSystemExtension.class);

	@Override
	public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
		return parameter.getParameter().getType() == HeraldSystem.class;
	}

	@Override
	public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
		return context.getRoot()
			.getStore(NAMESPACE)
			.computeIfAbsent(HeraldSystem.class, (key) -> HeraldSystem.start(), HeraldSystem.class)
			.ensureRunning();
	}

}
