package dev.herald.platform.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The links of a page's language switch ({@code ${@languageSwitch.links()}} in a
 * template, error pages included): the same page (its address and query, token included)
 * in each supported language. The links are relative, never built from the request's
 * host. Declared by {@link PageLocales}, with the language resolution it shows.
 */
public class LanguageSwitch {

	/**
	 * The switch of the page being rendered.
	 * @return one link per supported language
	 */
	public List<Language> links() {
		HttpServletRequest request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes())
			.getRequest();
		Locale current = RequestContextUtils.getLocale(request);
		String query = "GET".equals(request.getMethod()) ? request.getQueryString() : null;
		return PageLocales.SUPPORTED.stream()
			.map((locale) -> new Language(locale.getLanguage(),
					UriComponentsBuilder.fromPath(request.getRequestURI())
						.query(query)
						.replaceQueryParam(PageLocales.PARAMETER, locale.getLanguage())
						.build()
						.toUriString(),
					locale.getLanguage().equals(current.getLanguage())))
			.toList();
	}

	/**
	 * One language of the switch.
	 *
	 * @param code its code, the key of its name in the bundles ({@code language.<code>})
	 * @param href the current page in that language
	 * @param current whether the page is in it
	 */
	public record Language(String code, String href, boolean current) {
	}

}
