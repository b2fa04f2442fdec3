package dev.herald.platform.web;

import java.time.Duration;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The language of pages: the reader's explicit choice ({@code ?locale=ru}, remembered in
 * a cookie for a year), then {@code Accept-Language}, then English. Only the languages
 * the message bundles carry are ever chosen.
 */
@Configuration(proxyBeanMethods = false)
public class PageLocales implements WebMvcConfigurer {

	/** The languages pages and emails are written in. */
	public static final List<Locale> SUPPORTED = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

	/** The query parameter of the language switch. */
	public static final String PARAMETER = "locale";

	@Bean
	LocaleResolver localeResolver() {
		return new Resolver();
	}

	@Bean
	LanguageSwitch languageSwitch() {
		return new LanguageSwitch();
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName(PARAMETER);
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(change);
	}

	/**
	 * The supported language closest to a requested one.
	 * @param requested a language, or {@code null}
	 * @return the supported language of the same language code, or {@code null}
	 */
	public static Locale supported(Locale requested) {
		if (requested == null) {
			return null;
		}
		return SUPPORTED.stream()
			.filter((locale) -> locale.getLanguage().equals(requested.getLanguage()))
			.findFirst()
			.orElse(null);
	}

	private static final class Resolver implements LocaleResolver {

		private final AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();

		private final CookieLocaleResolver cookie = new CookieLocaleResolver("herald-lang");

		Resolver() {
			this.header.setSupportedLocales(SUPPORTED);
			this.header.setDefaultLocale(Locale.ENGLISH);
			this.cookie.setCookieMaxAge(Duration.ofDays(365));
			this.cookie.setCookieSameSite("Lax");
			this.cookie.setDefaultLocaleFunction(this.header::resolveLocale);
		}

		@Override
		public Locale resolveLocale(HttpServletRequest request) {
			Locale chosen = supported(this.cookie.resolveLocale(request));
			return (chosen != null) ? chosen : this.header.resolveLocale(request);
		}

		@Override
		public void setLocale(HttpServletRequest request, HttpServletResponse response, Locale locale) {
			Locale chosen = supported(locale);
			if (chosen != null) {
				this.cookie.setLocale(request, response, chosen);
			}
		}

	}

}
