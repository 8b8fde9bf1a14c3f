package org.cpr.evaluation;

import java.util.ArrayList;
import java.util.List;

/**
 * Coordinates for the server-rendered forest plot of one instrument (template fragment
 * {@code evaluation/forest :: plot}): one line per intervention with its headline effect
 * and 95 % interval on a shared axis from {@link #MIN} to {@link #MAX} standard
 * deviations; an interval running off the axis ends in an arrow. The table beside it
 * stays the source of the numbers.
 */
public record ForestPlot(OutcomeInstrument instrument, List<Line> lines, int height) {

	public static final double MIN = -1.5;

	public static final double MAX = 1.5;
	static final int LEFT = 150;
	static final int RIGHT = 580;
	static final int ROW = 28;
	static final int TOP = 24;

	/**
	 * One plotted row; a row without a released estimate has {@code estimated == false}
	 * and is labelled only.
	 */
	public record Line(InterventionType type, String method, boolean estimated, int y, double x, double x1, double x2,
			boolean clippedLow, boolean clippedHigh, String offering) {
	}

	public static ForestPlot of(OutcomeInstrument instrument, List<ImpactRow> rows) {
		List<Line> lines = new ArrayList<>();
		int y = TOP;
		for (ImpactRow row : rows) {
			Effect e = row.headline();
			if (e == null) {
				lines.add(new Line(row.type(), row.method(), false, y, 0, 0, 0, false, false, row.offering()));
			}
			else {
				lines.add(new Line(row.type(), row.method(), true, y, x(e.g()), x(e.lower()), x(e.upper()),
						e.lower() < MIN, e.upper() > MAX, row.offering()));
			}
			y += ROW;
		}
		return new ForestPlot(instrument, lines, y + 24);
	}

	/** The x of an effect size, clamped to the axis. */
	public static double x(double g) {
		double clamped = Math.max(MIN, Math.min(MAX, g));
		return Math.round((LEFT + (clamped - MIN) / (MAX - MIN) * (RIGHT - LEFT)) * 10) / 10.0;
	}

	/** Axis ticks: −1.5 … 1.5 by 0.5. */
	public List<double[]> ticks() {
		List<double[]> ticks = new ArrayList<>();
		for (double t = MIN; t <= MAX + 1e-9; t += 0.5) {
			ticks.add(new double[] { t, x(t) });
		}
		return ticks;
	}

	public int axisY() {
		return height - 20;
	}

	public double zeroX() {
		return x(0);
	}
}
