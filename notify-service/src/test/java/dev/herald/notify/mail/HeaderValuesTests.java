package dev.herald.notify.mail;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class HeaderValuesTests {

	@Test
	void cleanWhenValueHasLineBreaksAndControlsShouldLeaveOneLine() {
		String hostile = "Title\r\nBcc: victim@example.org\u0000\u0085\u2028\tend";
		assertThat(HeaderValues.clean(hostile)).isEqualTo("Title Bcc: victim@example.org end");
	}

	@Test
	void cleanWhenNullShouldBeEmpty() {
		assertThat(HeaderValues.clean(null)).isEmpty();
	}

	@Test
	void trimmedWhenShortShouldKeepTheText() {
		assertThat(HeaderValues.trimmed("A short title", 120)).isEqualTo("A short title");
	}

	@Test
	void trimmedWhenLongShouldCutOnAWordBoundaryWithinTheLimit() {
		String title = "Meeting of the Council of Foreign Ministers of the Collective Security Treaty Organization "
				+ "on the situation in the region and beyond";
		String trimmed = HeaderValues.trimmed(title, 60);
		assertThat(trimmed).hasSizeLessThanOrEqualTo(60).endsWith("\u2026");
		assertThat(title).startsWith(trimmed.substring(0, trimmed.length() - 1));
		assertThat(title.charAt(trimmed.length() - 1)).isEqualTo(' ');
	}

	@Test
	void trimmedWhenOneLongWordShouldCutInsideIt() {
		String trimmed = HeaderValues.trimmed("x".repeat(300), 50);
		assertThat(trimmed).hasSize(50).endsWith("\u2026");
	}

	@Test
	void forAlertShouldBeDeterministicAndDistinct() {
		String first = MessageIds.forAlert("r1", "s1", "herald.test");
		assertThat(first).isEqualTo(MessageIds.forAlert("r1", "s1", "herald.test"))
			.isNotEqualTo(MessageIds.forAlert("r1", "s2", "herald.test"))
			.matches("<[0-9a-f]{64}@herald\\.test>");
	}

}
