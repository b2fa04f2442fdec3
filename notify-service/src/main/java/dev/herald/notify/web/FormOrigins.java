package dev.herald.notify.web;

import java.net.URI;

import dev.herald.notify.NotifyProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Refuses an HTML form posted from another site (cross-site request forgery): a browser
 * names the page that posts in {@code Origin} (or, failing that, {@code Referer}), and
 * only this service's own pages, at its public base URL, may post its forms. A request
 * naming neither comes from no browser (curl, a mail client's button) and cannot carry a
 * victim's session: it passes.
 */
@Component
public class FormOrigins implements HandlerInterceptor, WebMvcConfigurer {

	/** The pages whose forms post. */
	static final String[] FORMS = { "/subscribe", "/subscriptions/confirm", "/subscriptions/manage", "/unsubscribe" };

	private final String origin;

	FormOrigins(NotifyProperties properties) {
		this.origin = origin(properties.publicBaseUrl());
	}

	@Override
	public void addInterceptors(InterceptorRegistry registry) {
		registry.addInterceptor(this).addPathPatterns(FORMS);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!"POST".equals(request.getMethod())) {
			return true;
		}
		String named = request.getHeader(HttpHeaders.ORIGIN);
		if (named == null) {
			String referer = request.getHeader(HttpHeaders.REFERER);
			named = (referer != null) ? origin(referer) : null;
		}
		if (named != null && !named.equalsIgnoreCase(this.origin)) {
			throw new ForeignOriginException(named);
		}
		return true;
	}

	private static String origin(URI url) {
		return url.getScheme() + "://" + url.getHost() + ((url.getPort() != -1) ? ":" + url.getPort() : "");
	}

	private static String origin(String url) {
		try {
			URI parsed = URI.create(url);
			return (parsed.getScheme() != null && parsed.getHost() != null) ? origin(parsed) : "invalid";
		}
		catch (IllegalArgumentException ex) {
			return "invalid";
		}
	}

	/**
	 * A form posted from a page that is not this service's.
	 */
	public static class ForeignOriginException extends RuntimeException {

		ForeignOriginException(String origin) {
			super("A form was posted from " + origin.substring(0, Math.min(origin.length(), 200)));
		}

	}

}
