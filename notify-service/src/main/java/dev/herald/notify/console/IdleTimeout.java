package dev.herald.notify.console;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Ends a console session left idle longer than {@code server.servlet.session.timeout},
 * measured on the service's clock: the next request finds it invalidated and is sent to
 * sign in again. (The servlet container drops such sessions from memory after the same
 * time.)
 */
class IdleTimeout extends OncePerRequestFilter {

	static final String LAST_SEEN = IdleTimeout.class.getName() + ".lastSeen";

	private final Duration timeout;

	private final Clock clock;

	IdleTimeout(Duration timeout, Clock clock) {
		this.timeout = timeout;
		this.clock = clock;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		HttpSession session = request.getSession(false);
		Instant now = this.clock.instant();
		if (session != null) {
			Object lastSeen = session.getAttribute(LAST_SEEN);
			if (lastSeen instanceof Instant seen && seen.plus(this.timeout).isBefore(now)) {
				session.invalidate();
				response.sendRedirect(request.getContextPath() + "/console/sign-in?expired");
				return;
			}
		}
		chain.doFilter(request, response);
		HttpSession after = request.getSession(false);
		if (after != null) {
			try {
				after.setAttribute(LAST_SEEN, now);
			}
			catch (IllegalStateException ex) {
				// Invalidated by the request itself: signed out.
			}
		}
	}

}
