package dev.herald.notify.admin;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import dev.herald.notify.NotifyProperties;

/**
 * The operators' admin key, known only by its SHA-256: a key offered to the admin API or
 * to the console's sign-in is hashed and compared in constant time. Without a configured
 * hash no key matches. Stateless: the admin API and the console each hold one.
 */
public class AdminKey {

	/** The longest key considered; anything longer is refused unhashed. */
	static final int MAX_LENGTH = 512;

	private final byte[] expected;

	/**
	 * The admin key of the settings.
	 * @param properties the settings, with the key's hash
	 */
	public AdminKey(NotifyProperties properties) {
		String hash = properties.adminKeySha256();
		this.expected = (hash == null || hash.isEmpty()) ? null : HexFormat.of().parseHex(hash.toLowerCase());
	}

	/**
	 * Whether an admin key is configured at all.
	 * @return {@code false} when the admin API and the console are closed
	 */
	public boolean isConfigured() {
		return this.expected != null;
	}

	/**
	 * Whether a key is the admin key.
	 * @param key the key offered, or {@code null}
	 * @return whether it matches the configured hash
	 */
	public boolean matches(String key) {
		return this.expected != null && key != null && key.length() <= MAX_LENGTH
				&& MessageDigest.isEqual(sha256(key), this.expected);
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
