package dev.herald.bench.report;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * One line of the table: a figure measured once per repetition, beside its baseline
 * measured in the same repetition when it has one.
 */
public final class Figure {

	private final String id;

	private final String what;

	private final String unit;

	private final String baselineWhat;

	private final List<Double> herald = new ArrayList<>();

	private final List<Double> baseline = new ArrayList<>();

	private final List<String> notes = new ArrayList<>();

	private String cell;

	private Figure(String id, String what, String unit, String baselineWhat) {
		this.id = id;
		this.what = what;
		this.unit = unit;
		this.baselineWhat = baselineWhat;
	}

	/**
	 * A throughput compared with a baseline.
	 * @param id the figure's id, such as {@code R2}
	 * @param what what Herald does
	 * @param unit the unit of both measurements
	 * @param baselineWhat what the baseline does
	 * @return the figure
	 */
	public static Figure ratio(String id, String what, String unit, String baselineWhat) {
		return new Figure(id, what, unit, baselineWhat);
	}

	/**
	 * A measurement without a baseline (a latency, a memory peak).
	 * @param id the figure's id
	 * @param what what is measured
	 * @param unit its unit
	 * @return the figure
	 */
	public static Figure alone(String id, String what, String unit) {
		return new Figure(id, what, unit, null);
	}

	/**
	 * A line whose Herald column is given as text (memory peaks).
	 * @param id the figure's id
	 * @param what what is shown
	 * @param cell the text of the Herald column
	 * @return the figure
	 */
	public static Figure text(String id, String what, String cell) {
		Figure figure = new Figure(id, what, "", null);
		figure.cell = cell;
		return figure;
	}

	/**
	 * The Herald column as given, or {@code null} for a measured figure.
	 * @return the text
	 */
	public String cell() {
		return this.cell;
	}

	/**
	 * Adds one repetition.
	 * @param heraldValue Herald's measurement
	 * @param baselineValue the baseline's, measured next to it
	 */
	public void add(double heraldValue, double baselineValue) {
		this.herald.add(heraldValue);
		this.baseline.add(baselineValue);
		Progress.say(String.format(Locale.ROOT, "%s repetition %d: %,.1f %s, baseline %,.1f", this.id,
				this.herald.size(), heraldValue, this.unit, baselineValue));
	}

	/**
	 * Adds one repetition of a figure without a baseline.
	 * @param value the measurement
	 */
	public void add(double value) {
		this.herald.add(value);
		Progress.say(String.format(Locale.ROOT, "%s repetition %d: %,.1f %s", this.id, this.herald.size(), value,
				this.unit));
	}

	/**
	 * Adds a remark printed under the table.
	 * @param note the remark
	 */
	public void note(String note) {
		this.notes.add(note);
	}

	public String id() {
		return this.id;
	}

	public String what() {
		return this.what;
	}

	public String unit() {
		return this.unit;
	}

	public String baselineWhat() {
		return this.baselineWhat;
	}

	public List<Double> herald() {
		return List.copyOf(this.herald);
	}

	public List<Double> baseline() {
		return List.copyOf(this.baseline);
	}

	public List<String> notes() {
		return List.copyOf(this.notes);
	}

	public boolean hasBaseline() {
		return this.baselineWhat != null;
	}

	public boolean isEmpty() {
		return this.herald.isEmpty() && this.cell == null;
	}

	/**
	 * Herald ÷ baseline of each repetition: both were measured minutes apart at most, so
	 * the ratio holds on a machine whose speed drifts.
	 * @return the ratios
	 */
	public List<Double> ratios() {
		List<Double> ratios = new ArrayList<>();
		for (int i = 0; i < this.herald.size(); i++) {
			ratios.add(this.herald.get(i) / this.baseline.get(i));
		}
		return ratios;
	}

}
