package dev.herald.notify.token;

/**
 * What a token allows; a token of one purpose is refused for another.
 */
public enum TokenPurpose {

	/** Confirm a pending subscription (double opt-in). */
	CONFIRM('c'),

	/** Show and change a subscription's topics. */
	MANAGE('m'),

	/** Cancel a subscription. */
	UNSUBSCRIBE('u');

	private final char code;

	TokenPurpose(char code) {
		this.code = code;
	}

	char code() {
		return this.code;
	}

	static TokenPurpose fromCode(char code) {
		for (TokenPurpose purpose : values()) {
			if (purpose.code == code) {
				return purpose;
			}
		}
		return null;
	}

}
