package dev.herald.platform.management;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpHeaders;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Makes a caller of the management port authorized when it presents the management key
 * ({@code Authorization: Bearer <key>}): the request gets a principal, which is what
 * {@code show-details: when-authorized} asks of a caller. Only the key's SHA-256 is
 * configured; it is compared in constant time. Without the key a caller still sees
 * whether a service is up, not the details.
 */
public class ManagementKeyFilter extends OncePerRequestFilter {

	/** The name of the principal of an authorized caller. */
	public static final String PRINCIPAL = "management";

	private final List<byte[]> hashes;

	/**
	 * A filter accepting the keys of the given hashes.
	 * @param sha256Hashes hex SHA-256 of each accepted key
	 */
	public ManagementKeyFilter(List<String> sha256Hashes) {
		this.hashes = sha256Hashes.stream()
			.map((hash) -> HexFormat.of().parseHex(hash.trim().toLowerCase(Locale.ROOT)))
			.toList();
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		String authorization = request.getHeader(HttpHeaders.AUTHORIZATION);
		if (authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
				&& accepts(authorization.substring(7).trim())) {
			chain.doFilter(new Authorized(request), response);
			return;
		}
		chain.doFilter(request, response);
	}

	private boolean accepts(String key) {
		byte[] hash = sha256(key);
		boolean accepted = false;
		for (byte[] expected : this.hashes) {
			accepted |= MessageDigest.isEqual(expected, hash);
		}
		return accepted;
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException(ex);
		}
	}

	private static final class Authorized extends HttpServletRequestWrapper {

		private static final Principal OPERATOR = () -> PRINCIPAL;

		Authorized(HttpServletRequest request) {
			super(request);
		}

		@Override
		public Principal getUserPrincipal() {
			return OPERATOR;
		}

		@Override
		public String getRemoteUser() {
			return PRINCIPAL;
		}

	}

}
