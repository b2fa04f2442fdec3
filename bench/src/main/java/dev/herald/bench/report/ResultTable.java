package dev.herald.bench.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The Markdown table of a run: each figure's median with its range over the repetitions,
 * beside its baseline and their ratio.
 */
public final class ResultTable {

	private final List<Figure> figures = new ArrayList<>();

	private final List<String> parts = new ArrayList<>();

	private final Machine machine;

	private final ZonedDateTime started = ZonedDateTime.now(ZoneOffset.UTC);

	private final int repetitions;

	private final String command;

	/**
	 * A table for one run.
	 * @param machine where it ran
	 * @param repetitions repetitions of each figure
	 * @param command the command that produced it
	 */
	public ResultTable(Machine machine, int repetitions, String command) {
		this.machine = machine;
		this.repetitions = repetitions;
		this.command = command;
	}

	/**
	 * Adds a figure; it is printed in the order added.
	 * @param figure the figure
	 * @return the same figure
	 */
	public Figure add(Figure figure) {
		this.figures.add(figure);
		return figure;
	}

	/**
	 * Notes how long a part of the run took, servers' starts and drains included.
	 * @param part what was measured, such as {@code R1, R2}
	 * @param took how long it took
	 */
	public void part(String part, Duration took) {
		this.parts.add(part + " " + minutes(took));
	}

	/**
	 * The table as Markdown.
	 * @param took how long the run took
	 * @return the text
	 */
	public String markdown(Duration took) {
		StringBuilder out = new StringBuilder();
		out.append("# Herald bench, ").append(this.started.format(DateTimeFormatter.ISO_LOCAL_DATE)).append("\n\n");
		out.append("- date: ")
			.append(this.started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
			.append(", run took ")
			.append(minutes(took))
			.append("\n");
		out.append("- machine: ").append(this.machine).append("\n");
		out.append("- each figure: median of ")
			.append(this.repetitions)
			.append(" repetitions, [min–max] in brackets; a ratio is Herald ÷ baseline of the same repetition\n");
		out.append("- command: `").append(this.command).append("`\n\n");
		out.append("| id | figure | Herald | baseline (same run) | ratio |\n");
		out.append("|---|---|---|---|---|\n");
		for (Figure figure : this.figures) {
			if (!figure.isEmpty()) {
				out.append(row(figure));
			}
		}
		List<String> notes = new ArrayList<>();
		List<String> ratios = this.figures.stream()
			.filter((figure) -> figure.hasBaseline() && !figure.isEmpty())
			.map((figure) -> figure.id() + " " + String.join(", ",
					figure.ratios().stream().map((ratio) -> String.format(Locale.ROOT, "%.3f", ratio)).toList()))
			.toList();
		if (!ratios.isEmpty()) {
			notes.add("each repetition's ratio, in the order run: " + String.join("; ", ratios));
		}
		if (!this.parts.isEmpty()) {
			notes.add("time per part of the run: " + String.join("; ", this.parts));
		}
		this.figures.forEach((figure) -> notes.addAll(figure.notes()));
		if (!notes.isEmpty()) {
			out.append("\n");
			notes.forEach((note) -> out.append("- ").append(note).append("\n"));
		}
		return out.toString();
	}

	/**
	 * Writes the table to a dated file and to {@code latest.md} in the folder.
	 * @param folder the results folder
	 * @param took how long the run took
	 * @return the dated file
	 */
	public Path write(Path folder, Duration took) {
		String text = markdown(took);
		try {
			Files.createDirectories(folder);
			Path dated = folder
				.resolve(this.started.format(DateTimeFormatter.ofPattern("yyyy-MM-dd-HHmm", Locale.ROOT)) + ".md");
			Files.writeString(dated, text);
			Files.writeString(folder.resolve("latest.md"), text);
			return dated;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

	private static String minutes(Duration took) {
		return took.toMinutes() + " min " + took.toSecondsPart() + " s";
	}

	private static String row(Figure figure) {
		String herald = (figure.cell() != null) ? figure.cell() : summary(figure.herald(), figure.unit());
		if (!figure.hasBaseline()) {
			return "| " + figure.id() + " | " + figure.what() + " | " + herald + " | — | — |\n";
		}
		return "| " + figure.id() + " | " + figure.what() + " | " + herald + " | "
				+ summary(figure.baseline(), figure.unit()) + " " + figure.baselineWhat() + " | **"
				+ number(Stats.median(figure.ratios()), 2) + "** [" + number(Stats.min(figure.ratios()), 2) + "–"
				+ number(Stats.max(figure.ratios()), 2) + "] |\n";
	}

	private static String summary(List<Double> values, String unit) {
		int digits = (Stats.median(values) < 100) ? 1 : 0;
		return number(Stats.median(values), digits) + " " + unit + " [" + number(Stats.min(values), digits) + "–"
				+ number(Stats.max(values), digits) + "]";
	}

	private static String number(double value, int digits) {
		return String.format(Locale.ROOT, "%,." + digits + "f", value);
	}

}
