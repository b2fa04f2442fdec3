package dev.herald.ingest.security;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

import dev.herald.ingest.IngestProperties;
import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;

/**
 * The configured operator keys, held as SHA-256 hashes. A presented key is hashed and
 * compared with every configured hash in constant time, so neither the timing nor the
 * answer tells anything about which keys exist.
 */
class ApiKeys {

	/** SHA-256 of the documented development key {@code dev-key-change-me}. */
	static final String DEVELOPMENT_KEY_SHA256 = "57c8139db7290a9064aa57837c951138a32df40cca3aca526319f55651368823";

	private static final Log logger = LogFactory.getLog(ApiKeys.class);

	private final List<Entry> entries;

	ApiKeys(IngestProperties properties) {
		this.entries = properties.apiKeys()
			.stream()
			.map((key) -> new Entry(key.name(), HexFormat.of().parseHex(key.sha256())))
			.toList();
		if (this.entries.isEmpty()) {
			logger.warn("No operator API keys are configured (herald.ingest.api-keys): every request will be refused");
		}
		if (properties.apiKeys().stream().anyMatch((key) -> DEVELOPMENT_KEY_SHA256.equalsIgnoreCase(key.sha256()))) {
			logger.warn("The development API key 'dev-key-change-me' is accepted; configure herald.ingest.api-keys "
					+ "(HERALD_INGEST_API_KEYS_0_SHA256) for any shared deployment");
		}
	}

	Optional<Operator> operatorFor(String presentedKey) {
		byte[] hash = sha256(presentedKey);
		String name = null;
		for (Entry entry : this.entries) {
			boolean matches = MessageDigest.isEqual(hash, entry.sha256());
			if (matches && name == null) {
				name = entry.name();
			}
		}
		return Optional.ofNullable(name).map(Operator::new);
	}

	static byte[] sha256(String key) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException ex) {
			throw new IllegalStateException("SHA-256 is not available", ex);
		}
	}

	private record Entry(String name, byte[] sha256) {
	}

}
