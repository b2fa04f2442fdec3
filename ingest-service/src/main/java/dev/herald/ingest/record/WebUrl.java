package dev.herald.ingest.record;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.regex.Pattern;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;

/**
 * An absolute http or https URL (lower-case scheme, a host, no user name or password),
 * written in ASCII as RFC 3986 requires, at most 2048 characters. {@code null} is valid.
 */
@Documented
@Constraint(validatedBy = WebUrl.Validator.class)
@Target({ ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT, ElementType.TYPE_USE })
@Retention(RetentionPolicy.RUNTIME)
@interface WebUrl {

	String message() default "must be an absolute http or https URL such as https://undocs.org/A/75/906 "
			+ "(ASCII only: percent-encode other characters and write the host in punycode)";

	Class<?>[] groups() default {};

	Class<? extends Payload>[] payload() default {};

	/**
	 * Checks a URL.
	 */
	class Validator implements ConstraintValidator<WebUrl, String> {

		private static final Pattern SHAPE = Pattern.compile("https?://[\\x21-\\x7E]+");

		@Override
		public boolean isValid(String value, ConstraintValidatorContext context) {
			if (value == null) {
				return true;
			}
			if (value.length() > 2048 || !SHAPE.matcher(value).matches()) {
				return false;
			}
			try {
				URI uri = new URI(value);
				return uri.isAbsolute() && uri.getHost() != null && uri.getRawUserInfo() == null;
			}
			catch (URISyntaxException ex) {
				return false;
			}
		}

	}

}
