package dev.herald.localstack.mail;

import java.util.List;
import java.util.Locale;

import dev.herald.localstack.run.Component;
import dev.herald.localstack.run.ConditionalOnComponent;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.AcceptHeaderLocaleResolver;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

/**
 * The inbox page and its JSON API, served when the local run runs the SMTP server.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnComponent(Component.SMTP)
@Import({ InboxPageController.class, InboxApiController.class })
public class InboxWebConfiguration implements WebMvcConfigurer {

	/** The languages of the inbox page. */
	static final List<Locale> LANGUAGES = List.of(Locale.ENGLISH, Locale.forLanguageTag("ru"));

	/**
	 * The language of the page: the one chosen with {@code ?locale=}, kept in a cookie,
	 * or else the browser's.
	 * @return the resolver
	 */
	@Bean
	LocaleResolver localeResolver() {
		AcceptHeaderLocaleResolver header = new AcceptHeaderLocaleResolver();
		header.setSupportedLocales(LANGUAGES);
		header.setDefaultLocale(Locale.ENGLISH);
		CookieLocaleResolver cookie = new CookieLocaleResolver("herald-inbox-lang");
		cookie.setCookieSameSite("Lax");
		cookie.setDefaultLocaleFunction(header::resolveLocale);
		return cookie;
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		LocaleChangeInterceptor change = new LocaleChangeInterceptor();
		change.setParamName("locale");
		change.setIgnoreInvalidLocale(true);
		registry.addInterceptor(new HandlerInterceptor() {
			@Override
			public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler)
					throws ServletException {
				String lang = request.getParameter("locale");
				boolean supported = lang == null
						|| LANGUAGES.stream().anyMatch((locale) -> locale.getLanguage().equals(lang));
				return !supported || change.preHandle(request, response, handler);
			}
		});
	}

	@Bean
	FilterRegistrationBean<InboxHosts> inboxHosts(@Value("${herald.run.inbox-hosts:}") List<String> hosts) {
		FilterRegistrationBean<InboxHosts> registration = new FilterRegistrationBean<>(new InboxHosts(hosts));
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE);
		return registration;
	}

}
