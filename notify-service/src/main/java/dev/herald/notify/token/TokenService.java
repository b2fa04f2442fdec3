package dev.herald.notify.token;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.UUID;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import dev.herald.notify.NotifyProperties;

import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Issues and verifies tokens of the form {@code payload.signature}: the payload
 * (base64url of {@code purpose:subscriberId:tokenVersion:expiryEpochSeconds}) signed with
 * HMAC-SHA256, compared in constant time.
 */
@Component
public class TokenService {

	private static final String ALGORITHM = "HmacSHA256";

	private static final int MAX_LENGTH = 256;

	private static final Pattern SHAPE = Pattern.compile("[A-Za-z0-9_-]{1,160}\\.[A-Za-z0-9_-]{43}");

	private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();

	private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

	private final SecretKeySpec key;

	/**
	 * One Mac per thread, initialised with the key once: looking the algorithm up for
	 * each token costs more than signing it, and a fan-out signs three links per email.
	 */
	private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

	private final Clock clock;

	@Autowired
	TokenService(NotifyProperties properties, Clock clock) {
		this(properties.tokenSecret(), clock);
	}

	/**
	 * A token service signing with the given secret.
	 * @param secret the signing secret
	 * @param clock the clock that decides expiry
	 */
	public TokenService(String secret, Clock clock) {
		this.key = new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), ALGORITHM);
		this.clock = clock;
	}

	/**
	 * Issue a token.
	 * @param subscriberId the subscriber it is for
	 * @param version the subscriber's token version
	 * @param purpose what it allows
	 * @param ttl how long it is accepted
	 * @return the token, safe in a URL
	 */
	public String issue(String subscriberId, long version, TokenPurpose purpose, Duration ttl) {
		long expiry = this.clock.instant().plus(ttl).getEpochSecond();
		String payload = purpose.code() + ":" + subscriberId + ":" + version + ":" + expiry;
		byte[] payloadBytes = payload.getBytes(StandardCharsets.US_ASCII);
		return ENCODER.encodeToString(payloadBytes) + "." + ENCODER.encodeToString(sign(payloadBytes));
	}

	/**
	 * Verify a token.
	 * @param token the token as received
	 * @param expected the purpose it must have
	 * @return what it carries
	 * @throws InvalidTokenException when it is malformed, forged, expired or of another
	 * purpose
	 */
	public VerifiedToken verify(String token, TokenPurpose expected) {
		if (token == null || token.length() > MAX_LENGTH || !SHAPE.matcher(token).matches()) {
			throw InvalidTokenException.malformed();
		}
		int dot = token.indexOf('.');
		byte[] payload = decode(token.substring(0, dot));
		byte[] signature = decode(token.substring(dot + 1));
		if (!MessageDigest.isEqual(sign(payload), signature)) {
			throw InvalidTokenException.badSignature();
		}
		VerifiedToken verified = parse(new String(payload, StandardCharsets.US_ASCII));
		if (verified.purpose() != expected) {
			throw InvalidTokenException.wrongPurpose();
		}
		if (!this.clock.instant().isBefore(verified.expiresAt())) {
			throw InvalidTokenException.expired();
		}
		return verified;
	}

	private static byte[] decode(String text) {
		try {
			return DECODER.decode(text);
		}
		catch (IllegalArgumentException ex) {
			throw InvalidTokenException.malformed();
		}
	}

	private static VerifiedToken parse(String payload) {
		String[] parts = payload.split(":", -1);
		if (parts.length != 4 || parts[0].length() != 1) {
			throw InvalidTokenException.malformed();
		}
		TokenPurpose purpose = TokenPurpose.fromCode(parts[0].charAt(0));
		try {
			UUID.fromString(parts[1]);
			long version = Long.parseLong(parts[2]);
			Instant expiry = Instant.ofEpochSecond(Long.parseLong(parts[3]));
			if (purpose == null || version < 0) {
				throw InvalidTokenException.malformed();
			}
			return new VerifiedToken(parts[1], version, purpose, expiry);
		}
		catch (IllegalArgumentException | java.time.DateTimeException ex) {
			throw InvalidTokenException.malformed();
		}
	}

	// doFinal leaves the Mac ready for the next payload under the same key.
	private byte[] sign(byte[] payload) {
		return this.macs.get().doFinal(payload);
	}

	private Mac newMac() {
		try {
			Mac mac = Mac.getInstance(ALGORITHM);
			mac.init(this.key);
			return mac;
		}
		catch (GeneralSecurityException ex) {
			throw new IllegalStateException("HMAC-SHA256 is not available", ex);
		}
	}

}
