package dev.herald.notify.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.herald.notify.NotifyProperties;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Component;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Lets a request into the admin API only with the admin key in {@code X-Admin-Key}: its
 * SHA-256 is compared in constant time with the configured one. Without a configured hash
 * the admin API is closed.
 */
@Component
class AdminKeyInterceptor implements HandlerInterceptor {

	static final String HEADER = "X-Admin-Key";

	private final byte[] expected;

	AdminKeyInterceptor(NotifyProperties properties) {
		String hash = properties.adminKeySha256();
		this.expected = (hash == null || hash.isEmpty()) ? null : HexFormat.of().parseHex(hash.toLowerCase());
	}

	@Override
	public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object handler) {
		if (this.expected == null) {
			throw new AdminAccessDeniedException("The admin API is not configured on this instance.");
		}
		String key = request.getHeader(HEADER);
		if (key == null || key.length() > 512 || !MessageDigest.isEqual(sha256(key), this.expected)) {
			throw new AdminAccessDeniedException("A valid " + HEADER + " header is required.");
		}
		return true;
	}

	private static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

}
