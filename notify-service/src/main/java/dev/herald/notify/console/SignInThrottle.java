package dev.herald.notify.console;

import java.io.IOException;

import dev.herald.notify.ratelimit.ClientAddresses;
import dev.herald.notify.ratelimit.ClientRateLimiter;
import dev.herald.notify.ratelimit.RateLimitExceededException;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * At most {@value #PER_MINUTE} sign-in attempts per client and minute: the admin key
 * cannot be guessed at speed, nor the audit list flooded with refused attempts. A client
 * over the limit is sent back to the sign-in page, told to wait.
 */
class SignInThrottle extends OncePerRequestFilter {

	static final int PER_MINUTE = 10;

	private final ClientRateLimiter limiter = ClientRateLimiter.perMinute(PER_MINUTE, 10_000);

	private final ClientAddresses clients;

	SignInThrottle(ClientAddresses clients) {
		this.clients = clients;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return !("POST".equals(request.getMethod())
				&& (request.getContextPath() + "/console/sign-in").equals(request.getRequestURI()));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		try {
			this.limiter.acquire(this.clients.of(request));
		}
		catch (RateLimitExceededException ex) {
			response.sendRedirect(request.getContextPath() + "/console/sign-in?wait");
			return;
		}
		chain.doFilter(request, response);
	}

}
