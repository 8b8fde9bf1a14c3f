package org.cpr.shared;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The one chart technique: geometry computed on the server, drawn as inline SVG by the
 * Thymeleaf fragments in {@code templates/fragments/charts.html} (and into PDFs by the
 * PDF library's vector drawing, see {@code fragments/charts-pdf.html}). No image
 * rendering, no AWT, nothing computed in the browser.
 *
 * <p>
 * Accessible by construction: every chart has a title and a description (the fragments
 * wire them to {@code aria-labelledby}); every value is written on the chart as text;
 * bands are told apart by pattern as well as shade; and the page keeps the table with
 * every figure as the source. The view box is phone-sized (360 units wide), so 11-unit
 * labels stay readable when the SVG scales to a phone's width.
 */
public final class SvgChart {

	public static final double WIDTH = 360;
	static final double PAD = 8;
	static final double ROW = 26;
	static final double BAR = 18;

	private SvgChart() {
	}

	/**
	 * One horizontal bar: label, value as written, where the template draws it, and its
	 * share of the longest.
	 */
	public record Bar(String label, String value, double y, double width, int percent) {
	}

	/** Horizontal bars of one series (a label above each bar, the value at its end). */
	public record Bars(String id, String title, String desc, double height, List<Bar> bars) {

		public double barX() {
			return PAD;
		}
	}

	/**
	 * Bars for {@code values} in their order; the longest bar fills the width left of its
	 * value label.
	 */
	public static Bars bars(String id, String title, String desc, Map<String, ? extends Number> values) {
		double max = values.values().stream().mapToDouble(Number::doubleValue).max().orElse(0);
		double room = WIDTH - 2 * PAD - 40;
		List<Bar> bars = new ArrayList<>();
		double y = PAD;
		for (var e : values.entrySet()) {
			double v = e.getValue().doubleValue();
			double share = max <= 0 ? 0 : Math.max(v > 0 ? 0.01 : 0, v / max);
			bars.add(new Bar(e.getKey(), number(v), y + 13, room * share, (int) Math.round(100 * share)));
			y += 14 + ROW;
		}
		return new Bars(id, title, desc, y + PAD, bars);
	}

	/** One segment of a stacked bar: its band (pattern), count, and horizontal extent. */
	public record Segment(int band, long value, double x, double width, boolean labelled) {

		public double middle() {
			return x + width / 2;
		}
	}

	/**
	 * One stacked bar (100 %): its group's label above it and its segments in band order.
	 */
	public record StackedRow(String label, double y, List<Segment> segments) {
	}

	/** A legend entry: the band's pattern and name. */
	public record LegendEntry(int band, String label, double x, double y) {
	}

	/** Stacked 100 % bars, one per group, with a legend of band patterns. */
	public record Stacked(String id, String title, String desc, double height, List<StackedRow> rows,
			List<LegendEntry> legend) {
	}

	/**
	 * {@code counts} per group, in band order (the caller passes only figures the
	 * disclosure gate released).
	 */
	public static Stacked stacked(String id, String title, String desc, List<String> bands,
			Map<String, List<Long>> counts) {
		double width = WIDTH - 2 * PAD;
		List<StackedRow> rows = new ArrayList<>();
		double y = PAD;
		for (var group : counts.entrySet()) {
			long total = group.getValue().stream().mapToLong(Long::longValue).sum();
			List<Segment> segments = new ArrayList<>();
			long before = 0;
			for (int band = 0; band < group.getValue().size(); band++) {
				long n = group.getValue().get(band);
				if (n > 0 && total > 0) {
					double x = PAD + width * before / total;
					double w = width * n / total;
					segments.add(new Segment(band, n, x, w, w >= 8 + 7 * Long.toString(n).length()));
				}
				before += n;
			}
			rows.add(new StackedRow(group.getKey(), y + 13, segments));
			y += 14 + ROW;
		}
		List<LegendEntry> legend = new ArrayList<>();
		double column = width / 2;
		for (int band = 0; band < bands.size(); band++) {
			legend.add(new LegendEntry(band, bands.get(band), PAD + (band % 2) * column, y + (band / 2) * 22));
		}
		return new Stacked(id, title, desc, y + (bands.size() + 1) / 2 * 22 + PAD, rows, legend);
	}

	/** A tick on an axis: position along it and its label. */
	public record Tick(double at, String label) {
	}

	/** A point of a trend: position, its date and its value as written on the chart. */
	public record Point(double x, double y, String date, String value) {
	}

	/** A line over time with dated ticks along the bottom and score ticks on the left. */
	public record Line(String id, String title, String desc, double height, double left, double right, double top,
			double bottom, List<Point> points, List<Tick> xTicks, List<Tick> yTicks) {

		/** The SVG {@code points} attribute of the polyline. */
		public String polyline() {
			StringBuilder s = new StringBuilder();
			points.forEach(p -> {
				if (!s.isEmpty()) {
					s.append(' ');
				}
				s.append(fmt(p.x())).append(',').append(fmt(p.y()));
			});
			return s.toString();
		}

		/**
		 * The chart as inline SVG markup, the same elements and attributes, in the same
		 * order, as the Thymeleaf fragment it replaced drew
		 * ({@code fragments/charts :: line} inserts it). Written here because a trend
		 * chart is the results page's largest part: drawn element by element through the
		 * template engine, its points and ticks cost more than the rest of the page.
		 * Every text is escaped.
		 */
		public String svg() {
			StringBuilder s = new StringBuilder(1024 + 256 * points.size());
			String h = num(height);
			s.append("<svg class=\"chart\" role=\"img\" id=\"")
				.append(escape(id))
				.append("\" preserveAspectRatio=\"xMinYMin meet\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 360 ")
				.append(h)
				.append("\" aria-labelledby=\"")
				.append(escape(id))
				.append("-t ")
				.append(escape(id))
				.append("-d\">\n");
			s.append("  <title id=\"").append(escape(id)).append("-t\">").append(escape(title)).append("</title>\n");
			s.append("  <desc id=\"").append(escape(id)).append("-d\">").append(escape(desc)).append("</desc>\n");
			s.append("  <g class=\"chart-axis\">\n");
			line(s, "    ", bottom, "#1b1f24", false);
			for (Tick t : yTicks) {
				s.append("    <g>\n");
				line(s, "      ", t.at(), "#c9d1d9", true);
				s.append("      <text class=\"chart-tick\" x=\"")
					.append(num(left - 4))
					.append("\" y=\"")
					.append(num(t.at() + 4))
					.append("\" text-anchor=\"end\">")
					.append(escape(t.label()))
					.append("</text>\n");
				s.append("    </g>\n");
			}
			for (int i = 0; i < xTicks.size(); i++) {
				Tick t = xTicks.get(i);
				boolean several = xTicks.size() > 1;
				String anchor = i == 0 && several ? "start" : i == xTicks.size() - 1 && several ? "end" : "middle";
				s.append("    <text class=\"chart-tick\" x=\"")
					.append(num(t.at()))
					.append("\" y=\"")
					.append(num(bottom + 16))
					.append("\" text-anchor=\"")
					.append(anchor)
					.append("\">")
					.append(escape(t.label()))
					.append("</text>\n");
			}
			s.append("  </g>\n");
			s.append("  <polyline fill=\"none\" stroke=\"#1b1f24\" stroke-width=\"2\" points=\"")
				.append(polyline())
				.append("\"/>\n");
			for (Point p : points) {
				s.append("  <g>\n");
				s.append("    <path fill=\"#0b5394\" stroke=\"#ffffff\" stroke-width=\"1\" d=\"M")
					.append(num(p.x()))
					.append(' ')
					.append(num(p.y() - 6))
					.append(" l6 6 l-6 6 l-6 -6 z\"/>\n");
				s.append("    <text class=\"chart-value\" x=\"")
					.append(num(p.x()))
					.append("\" y=\"")
					.append(num(p.y() - 9))
					.append("\" text-anchor=\"middle\">")
					.append(escape(p.value()))
					.append("</text>\n");
				s.append("  </g>\n");
			}
			s.append("</svg>");
			return s.toString();
		}

		private void line(StringBuilder s, String indent, double y, String stroke, boolean dashed) {
			s.append(indent)
				.append("<line x1=\"")
				.append(num(left))
				.append("\" x2=\"")
				.append(num(right))
				.append("\" y1=\"")
				.append(num(y))
				.append("\" y2=\"")
				.append(num(y))
				.append("\" stroke=\"")
				.append(stroke)
				.append(dashed ? "\" stroke-dasharray=\"2 3\"/>\n" : "\"/>\n");
		}

		/** A coordinate as the template engine writes a number. */
		private static String num(double v) {
			return Double.toString(v);
		}

		/**
		 * As Thymeleaf's text and attribute escaping (HTML 4 / XML: {@code & < > " '}).
		 */
		static String escape(String text) {
			if (text == null) {
				return "";
			}
			StringBuilder out = null;
			for (int i = 0; i < text.length(); i++) {
				char c = text.charAt(i);
				String r = switch (c) {
					case '&' -> "&amp;";
					case '<' -> "&lt;";
					case '>' -> "&gt;";
					case '"' -> "&quot;";
					case '\'' -> "&#39;";
					default -> null;
				};
				if (r != null && out == null) {
					out = new StringBuilder(text.length() + 16).append(text, 0, i);
				}
				if (out != null) {
					if (r != null) {
						out.append(r);
					}
					else {
						out.append(c);
					}
				}
			}
			return out == null ? text : out.toString();
		}
	}

	/** One dated value. */
	public record Dated(Instant when, double value) {
	}

	/**
	 * The same trend as labelled bars, one per take (for PDFs, where the bars are drawn
	 * as vector boxes).
	 */
	public static Bars takes(Line line) {
		Map<String, Double> values = new java.util.LinkedHashMap<>();
		line.points().forEach(p -> values.merge(p.date(), Double.valueOf(p.value()), (a, b) -> b));
		return bars(line.id() + "-takes", line.title(), line.desc(), values);
	}

	/**
	 * A trend of {@code values} (oldest first), the x axis by date (at most four date
	 * ticks, ISO dates).
	 */
	public static Line line(String id, String title, String desc, List<Dated> values) {
		double height = 200;
		double left = 36;
		double right = WIDTH - 16;
		double top = 22;
		double bottom = height - 28;
		double lo = Math.floor(values.stream().mapToDouble(Dated::value).min().orElse(0));
		double hi = Math.ceil(values.stream().mapToDouble(Dated::value).max().orElse(1));
		if (hi - lo < 2) {
			lo -= 1;
			hi += 1;
		}
		long t0 = values.isEmpty() ? 0 : values.get(0).when().getEpochSecond();
		long t1 = values.isEmpty() ? 1 : values.get(values.size() - 1).when().getEpochSecond();
		long span = Math.max(1, t1 - t0);
		double minY = lo;
		double range = hi - lo;
		List<Point> points = values.stream()
			.map(v -> new Point(
					values.size() == 1 ? (left + right) / 2
							: left + (right - left) * (v.when().getEpochSecond() - t0) / span,
					bottom - (bottom - top) * (v.value() - minY) / range, day(v.when()), number(v.value())))
			.toList();
		List<Tick> xTicks = dateTicks(points);
		List<Tick> yTicks = List.of(new Tick(bottom, number(lo)), new Tick((top + bottom) / 2, number((lo + hi) / 2)),
				new Tick(top, number(hi)));
		return new Line(id, title, desc, height, left, right, top, bottom, points, xTicks, yTicks);
	}

	/**
	 * Width of an ISO date tick label (11 px type, ten characters) in view-box units, and
	 * the least room kept between two labels.
	 */
	static final double DATE_LABEL_WIDTH = 66;

	static final double DATE_LABEL_GAP = 6;

	/**
	 * At most four dated ticks: the first and the last take always, and evenly chosen
	 * takes between them only where their label does not run into a neighbour's (takes
	 * close in time would print "2026-09-072026-12-05" on a phone). The first label
	 * starts at its take, the last ends at it, the others are centred.
	 */
	static List<Tick> dateTicks(List<Point> points) {
		int n = Math.min(4, points.size());
		List<Integer> chosen = new ArrayList<>();
		for (int i = 0; i < n; i++) {
			int index = n == 1 ? 0 : (int) Math.round((double) i * (points.size() - 1) / (n - 1));
			if (!chosen.contains(index)) {
				chosen.add(index);
			}
		}
		List<Tick> ticks = new ArrayList<>();
		if (chosen.isEmpty()) {
			return ticks;
		}
		if (chosen.size() == 1) {
			Point only = points.get(chosen.get(0));
			ticks.add(new Tick(only.x(), only.date()));
			return ticks;
		}
		Point first = points.get(chosen.get(0));
		Point last = points.get(chosen.get(chosen.size() - 1));
		ticks.add(new Tick(first.x(), first.date()));
		double freeFrom = first.x() + DATE_LABEL_WIDTH + DATE_LABEL_GAP;
		double freeTo = last.x() - DATE_LABEL_WIDTH - DATE_LABEL_GAP;
		for (int index : chosen.subList(1, chosen.size() - 1)) {
			Point p = points.get(index);
			if (p.x() - DATE_LABEL_WIDTH / 2 >= freeFrom && p.x() + DATE_LABEL_WIDTH / 2 <= freeTo) {
				ticks.add(new Tick(p.x(), p.date()));
				freeFrom = p.x() + DATE_LABEL_WIDTH / 2 + DATE_LABEL_GAP;
			}
		}
		ticks.add(new Tick(last.x(), last.date()));
		return ticks;
	}

	private static String day(Instant when) {
		return LocalDate.ofInstant(when, ZoneOffset.UTC).toString();
	}

	static String number(double v) {
		return v == Math.rint(v) ? Long.toString((long) v) : fmt(v);
	}

	/**
	 * One decimal, as {@code String.format(Locale.ROOT, "%.1f", v)} writes it (half up).
	 */
	static String fmt(double v) {
		if (!Double.isFinite(v) || Math.abs(v) >= 1e15) {
			return String.format(java.util.Locale.ROOT, "%.1f", v);
		}
		java.math.BigDecimal d = java.math.BigDecimal.valueOf(v).setScale(1, java.math.RoundingMode.HALF_UP);
		return d.signum() == 0 ? (v < 0 || 1 / v < 0 ? "-0.0" : "0.0") : d.toPlainString();
	}

}
