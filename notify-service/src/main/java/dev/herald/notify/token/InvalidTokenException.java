package dev.herald.notify.token;

/**
 * A token that was refused. The reason is logged but never shown beyond "invalid or
 * expired", so that a forger learns nothing.
 */
public class InvalidTokenException extends RuntimeException {

	private final Reason reason;

	private InvalidTokenException(Reason reason) {
		super("Token refused: " + reason.name().toLowerCase().replace('_', ' '));
		this.reason = reason;
	}

	static InvalidTokenException malformed() {
		return new InvalidTokenException(Reason.MALFORMED);
	}

	static InvalidTokenException badSignature() {
		return new InvalidTokenException(Reason.BAD_SIGNATURE);
	}

	static InvalidTokenException expired() {
		return new InvalidTokenException(Reason.EXPIRED);
	}

	static InvalidTokenException wrongPurpose() {
		return new InvalidTokenException(Reason.WRONG_PURPOSE);
	}

	/**
	 * A token for a subscriber that no longer exists.
	 * @return the exception
	 */
	public static InvalidTokenException unknownSubscriber() {
		return new InvalidTokenException(Reason.UNKNOWN_SUBSCRIBER);
	}

	/**
	 * A genuine token that no longer applies, such as a confirmation link of a
	 * subscription cancelled since.
	 * @return the exception
	 */
	public static InvalidTokenException noLongerValid() {
		return new InvalidTokenException(Reason.NO_LONGER_VALID);
	}

	/**
	 * Why the token was refused.
	 * @return the reason
	 */
	public Reason reason() {
		return this.reason;
	}

	/**
	 * Why a token is refused.
	 */
	public enum Reason {

		/** Not a token of this service at all. */
		MALFORMED,

		/** Signed with another key, or altered. */
		BAD_SIGNATURE,

		/** Past its expiry. */
		EXPIRED,

		/** Issued for another purpose. */
		WRONG_PURPOSE,

		/** Issued for a subscriber that no longer exists. */
		UNKNOWN_SUBSCRIBER,

		/** Genuine, but the subscription has moved on. */
		NO_LONGER_VALID

	}

}
