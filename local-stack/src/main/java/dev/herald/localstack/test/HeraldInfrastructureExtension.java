package dev.herald.localstack.test;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Skips a test class that asks for containers where Docker is missing, and otherwise
 * starts the infrastructure before the class (and its Spring context) does.
 */
class HeraldInfrastructureExtension implements ExecutionCondition, BeforeAllCallback {

	@Override
	public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
		if (HeraldInfrastructure.containersRequestedWithoutDocker()) {
			return ConditionEvaluationResult.disabled("herald.infra=containers, but Docker is not available");
		}
		return ConditionEvaluationResult.enabled("Herald infrastructure: " + HeraldInfrastructure.chosenKind());
	}

	@Override
	public void beforeAll(ExtensionContext context) {
		HeraldInfrastructure.get();
	}

}
