package dev.herald.ingest.record;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * A one-line text: no control characters, no bidirectional overrides, not blank.
 * {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = SingleLine.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface SingleLine {

	String message() default "is not valid text";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a text with {@link TextRules}.
	 */
	class Validator implements ConstraintValidator<SingleLine, String> {

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			String problem = (value != null) ? TextRules.problem(value, false) : null;
			if (problem == null) {
				return true;
			}
			context.disableDefaultConstraintViolation();
			context.buildConstraintViolationWithTemplate(Messages.literal(problem)).addConstraintViolation();
			return false;
		}

	}

}
