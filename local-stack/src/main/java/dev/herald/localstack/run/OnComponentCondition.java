package dev.herald.localstack.run;

import org.springframework.boot.autoconfigure.condition.ConditionOutcome;
import org.springframework.boot.autoconfigure.condition.SpringBootCondition;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.core.type.AnnotatedTypeMetadata;

/**
 * The condition behind {@link ConditionalOnComponent}.
 */
class OnComponentCondition extends SpringBootCondition {

	@Override
	public ConditionOutcome getMatchOutcome(ConditionContext context, AnnotatedTypeMetadata metadata) {
		Component component = (Component) metadata.getAnnotationAttributes(ConditionalOnComponent.class.getName())
			.get("value");
		LocalRunProperties properties = Binder.get(context.getEnvironment())
			.bindOrCreate("herald.run", LocalRunProperties.class);
		return properties.runs(component) ? ConditionOutcome.match(component + " is a component to run")
				: ConditionOutcome.noMatch(component + " is not among herald.run.components");
	}

}
