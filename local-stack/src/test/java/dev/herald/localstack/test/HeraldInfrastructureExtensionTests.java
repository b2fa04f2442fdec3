package dev.herald.localstack.test;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

class HeraldInfrastructureExtensionTests {

	private final String previous = System.getProperty(HeraldInfrastructure.KIND_PROPERTY);

	@AfterEach
	void restoreKind() {
		if (this.previous == null) {
			System.clearProperty(HeraldInfrastructure.KIND_PROPERTY);
		}
		else {
			System.setProperty(HeraldInfrastructure.KIND_PROPERTY, this.previous);
		}
	}

	@Test
	void conditionWhenContainersAreAskedForWithoutDockerShouldSkipTheClass() {
		Assumptions.assumeFalse(HeraldInfrastructure.isDockerAvailable(), "Docker is available here");
		System.setProperty(HeraldInfrastructure.KIND_PROPERTY, "containers");

		ConditionEvaluationResult result = new HeraldInfrastructureExtension().evaluateExecutionCondition(null);

		assertThat(result.isDisabled()).isTrue();
		assertThat(result.getReason()).hasValueSatisfying((reason) -> assertThat(reason).contains("Docker"));
	}

	@Test
	void conditionWhenEmbeddedIsAskedForShouldRunTheClass() {
		System.setProperty(HeraldInfrastructure.KIND_PROPERTY, "embedded");

		ConditionEvaluationResult result = new HeraldInfrastructureExtension().evaluateExecutionCondition(null);

		assertThat(result.isDisabled()).isFalse();
		assertThat(HeraldInfrastructure.chosenKind()).isEqualTo(HeraldInfrastructure.EMBEDDED);
	}

	@Test
	void chosenKindWithoutPropertyShouldFollowDocker() {
		System.clearProperty(HeraldInfrastructure.KIND_PROPERTY);

		assertThat(HeraldInfrastructure.chosenKind()).isEqualTo(HeraldInfrastructure.isDockerAvailable()
				? HeraldInfrastructure.CONTAINERS : HeraldInfrastructure.EMBEDDED);
	}

	@Test
	void chosenKindWhenPropertyIsUnknownShouldSaySo() {
		System.setProperty(HeraldInfrastructure.KIND_PROPERTY, "podman");

		assertThatIllegalArgumentException().isThrownBy(HeraldInfrastructure::chosenKind)
			.withMessageContaining("embedded or containers");
	}

}
