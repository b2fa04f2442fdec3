package dev.herald.ingest.security;

import java.io.IOException;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import dev.herald.ingest.IngestProperties;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerExceptionResolver;

/**
 * Authenticates every request, before anything else looks at it, except those for health,
 * metrics and the API description: {@code Authorization: Bearer <api key>}. Refusals are
 * rendered by the service's problem handler, like every other error.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class ApiKeyAuthenticationFilter extends OncePerRequestFilter {

	/** Paths open without a key: health and metrics, and the API's description. */
	private static final List<String> OPEN = List.of("/actuator", "/v3/api-docs", "/swagger-ui", "/swagger-ui.html");

	private static final Pattern BEARER = Pattern.compile("(?i)Bearer +([A-Za-z0-9._~+/-]{1,512}=*) *");

	private final ApiKeys apiKeys;

	private final HandlerExceptionResolver problems;

	ApiKeyAuthenticationFilter(IngestProperties properties,
			@Qualifier("handlerExceptionResolver") HandlerExceptionResolver problems) {
		this.apiKeys = new ApiKeys(properties);
		this.problems = problems;
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		// Default deny: only the listed paths are open. The container's normalized path
		// is
		// judged, the same one requests are mapped by.
		String path = request.getServletPath() + ((request.getPathInfo() != null) ? request.getPathInfo() : "");
		return OPEN.stream().anyMatch((open) -> path.equals(open) || path.startsWith(open + "/"));
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization == null) {
			this.problems.resolveException(request, response, null, Unauthenticated.missingKey());
			return;
		}
		Optional<Operator> operator = operatorFor(authorization);
		if (operator.isEmpty()) {
			this.problems.resolveException(request, response, null, Unauthenticated.rejectedKey());
			return;
		}
		request.setAttribute(Operator.ATTRIBUTE, operator.get());
		chain.doFilter(request, response);
	}

	private Optional<Operator> operatorFor(String authorization) {
		Matcher bearer = BEARER.matcher(authorization);
		return bearer.matches() ? this.apiKeys.operatorFor(bearer.group(1)) : Optional.empty();
	}

}
