package dev.herald.localstack.run;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.context.annotation.Conditional;

/**
 * Matches when {@code herald.run.components} includes the given server.
 */
@Target({ ElementType.TYPE, ElementType.METHOD })
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Conditional(OnComponentCondition.class)
public @interface ConditionalOnComponent {

	/**
	 * The server that must be enabled.
	 * @return the component
	 */
	Component value();

}
