package dev.herald.localstack.mail;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers only requests that name the inbox by one of its own host names: a page of
 * another site whose name an attacker points at 127.0.0.1 (DNS rebinding) gets nothing of
 * the emails. The loopback names always count; {@code herald.run.inbox-hosts} adds
 * others, for a run opened to the network.
 */
class InboxHosts extends OncePerRequestFilter {

	private static final List<String> LOOPBACK = List.of("localhost", "127.0.0.1", "[::1]");

	private final Set<String> allowed;

	InboxHosts(List<String> extra) {
		this.allowed = java.util.stream.Stream.concat(LOOPBACK.stream(), extra.stream())
			.map((host) -> host.strip().toLowerCase(Locale.ROOT))
			.filter((host) -> !host.isEmpty())
			.collect(Collectors.toUnmodifiableSet());
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String host = hostName(request.getHeader("Host"));
		if (host != null && this.allowed.contains(host)) {
			chain.doFilter(request, response);
			return;
		}
		response.setStatus(421);
		response.setContentType("application/problem+json");
		response.getOutputStream()
			.write(("{\"type\":\"about:blank\",\"title\":\"Misdirected Request\",\"status\":421,"
					+ "\"detail\":\"The inbox answers only to its own host names (herald.run.inbox-hosts)\"}")
				.getBytes(StandardCharsets.UTF_8));
	}

	/**
	 * The host of a Host header, without its port.
	 */
	static String hostName(String header) {
		if (header == null || header.isBlank()) {
			return null;
		}
		String value = header.strip().toLowerCase(Locale.ROOT);
		if (value.startsWith("[")) {
			int end = value.indexOf(']');
			return (end > 0) ? value.substring(0, end + 1) : null;
		}
		int colon = value.indexOf(':');
		return (colon >= 0) ? value.substring(0, colon) : value;
	}

}
