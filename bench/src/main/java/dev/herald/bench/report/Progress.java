package dev.herald.bench.report;

import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * The run's progress on the console, each line stamped with the time of day (UTC), so
 * that a reader can follow a long run and see where its time goes.
 */
public final class Progress {

	/** The console's time of day, seconds always shown. */
	private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT);

	private Progress() {
	}

	/**
	 * Prints one line of progress.
	 * @param message what happened
	 */
	public static void say(String message) {
		System.out.println("[bench " + CLOCK.format(LocalTime.now(ZoneOffset.UTC)) + "] " + message);
	}

}
