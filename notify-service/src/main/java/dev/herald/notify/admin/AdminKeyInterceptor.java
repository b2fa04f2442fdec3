package dev.herald.notify.admin;

import dev.herald.notify.NotifyProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request into the admin API only with the admin key in {@code X-Admin-Key}.
 * Without a configured key the admin API is closed.
 */
@Component
class AdminKeyInterceptor implements HandlerInterceptor {

	static final String HEADER = "X-Admin-Key";

	private final AdminKey adminKey;

	AdminKeyInterceptor(NotifyProperties properties) {
		this.adminKey = new AdminKey(properties);
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (!this.adminKey.isConfigured()) {
			throw new AdminAccessDeniedException("The admin API is not configured on this instance.");
		}
		if (!this.adminKey.matches(request.getHeader(HEADER))) {
			throw new AdminAccessDeniedException("A valid " + HEADER + " header is required.");
		}
		return true;
	}

}
