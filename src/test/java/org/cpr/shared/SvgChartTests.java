package org.cpr.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/**
 * Chart geometry as a reader meets it: dated ticks, values as text, bars in proportion,
 * stacks filling the width.
 */
class SvgChartTests {

	@Test
	void aLongTrendHasAtMostFourDatedTicksFromTheFirstToTheLastTake() {
		Instant start = Instant.parse("2026-01-05T10:00:00Z");
		List<SvgChart.Dated> takes = IntStream.range(0, 12)
			.mapToObj(i -> new SvgChart.Dated(start.plus(Duration.ofDays(30L * i)), 20 + i))
			.toList();
		SvgChart.Line line = SvgChart.line("t", "WHO-5", "desc", takes);
		assertThat(line.xTicks()).hasSize(4);
		assertThat(line.xTicks().get(0).label()).isEqualTo("2026-01-05");
		assertThat(line.xTicks().get(3).label()).isEqualTo(line.points().get(11).date());
		assertThat(line.points()).extracting(SvgChart.Point::value).startsWith("20", "21").endsWith("31");
		assertThat(line.points().get(11).y()).as("higher scores draw higher").isLessThan(line.points().get(0).y());
		assertThat(line.polyline().split(" ")).hasSize(12);
	}

	/**
	 * The demo resident's takes (January to December, the last two three months apart)
	 * printed "2026-09-072026-12-05" under a phone-width chart: labels must never touch.
	 */
	@Test
	void dateLabelsNeverRunIntoEachOtherWhenTakesAreCloseInTime() {
		Instant start = Instant.parse("2026-01-10T10:00:00Z");
		int[] days = { 0, 60, 120, 180, 240, 300, 329 };
		List<SvgChart.Dated> takes = java.util.Arrays.stream(days)
			.mapToObj(d -> new SvgChart.Dated(start.plus(Duration.ofDays(d)), 3))
			.toList();
		List<SvgChart.Tick> ticks = SvgChart.line("t", "BRS", "desc", takes).xTicks();
		assertThat(ticks.get(0).label()).as("the first take").isEqualTo("2026-01-10");
		assertThat(ticks.get(ticks.size() - 1).label()).as("the last take").isEqualTo("2026-12-05");
		assertThat(ticks).hasSizeBetween(2, 4);
		for (int i = 1; i < ticks.size(); i++) {
			assertThat(extent(ticks, i)[0] - extent(ticks, i - 1)[1])
				.as("room between %s and %s", ticks.get(i - 1).label(), ticks.get(i).label())
				.isGreaterThanOrEqualTo(SvgChart.DATE_LABEL_GAP);
		}
		List<SvgChart.Dated> twoCloseAtTheEnd = List.of(new SvgChart.Dated(start, 1),
				new SvgChart.Dated(start.plus(Duration.ofDays(200)), 2),
				new SvgChart.Dated(start.plus(Duration.ofDays(205)), 3));
		assertThat(SvgChart.line("u", "t", "d", twoCloseAtTheEnd).xTicks()).extracting(SvgChart.Tick::label)
			.containsExactly("2026-01-10", "2026-08-03");
	}

	/**
	 * Where a tick's label is drawn: the first starts at its tick, the last ends at it.
	 */
	private static double[] extent(List<SvgChart.Tick> ticks, int i) {
		double at = ticks.get(i).at();
		if (i == 0) {
			return new double[] { at, at + SvgChart.DATE_LABEL_WIDTH };
		}
		if (i == ticks.size() - 1) {
			return new double[] { at - SvgChart.DATE_LABEL_WIDTH, at };
		}
		return new double[] { at - SvgChart.DATE_LABEL_WIDTH / 2, at + SvgChart.DATE_LABEL_WIDTH / 2 };
	}

	@Test
	void theTrendLineWritesTheSameSvgTheTemplateDrewWithItsTextsEscaped() {
		org.thymeleaf.spring6.SpringTemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
		org.thymeleaf.templateresolver.ClassLoaderTemplateResolver resolver = new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
		resolver.setPrefix("templates/");
		resolver.setSuffix(".html");
		engine.setTemplateResolver(resolver);
		Instant start = Instant.parse("2026-01-05T10:00:00Z");
		for (int takes : new int[] { 1, 2, 3, 7, 12 }) {
			List<SvgChart.Dated> values = IntStream.range(0, takes)
				.mapToObj(i -> new SvgChart.Dated(start.plus(Duration.ofDays(17L * i + i * i)), (i * 7.3) % 27))
				.toList();
			SvgChart.Line line = SvgChart.line("trend-who-5", "WHO-5 <Índice> & \"bienestar\" 'de'",
					"Tendencia: <script>alert(1)</script>", values);
			org.thymeleaf.context.Context context = new org.thymeleaf.context.Context();
			context.setVariable("chart", line);
			String reference = engine.process("test/charts-line-host", context);
			assertThat(normalised(line.svg())).as(takes + " takes").isEqualTo(normalised(reference));
		}
		assertThat(SvgChart.line("x", "<b>", "&", List.of()).svg()).contains("<title id=\"x-t\">&lt;b&gt;</title>")
			.contains("<desc id=\"x-d\">&amp;</desc>")
			.doesNotContain("<b>");
	}

	private static String normalised(String svg) {
		return svg.strip().replaceAll("\\s+", " ").replaceAll("> <", "><");
	}

	@Test
	void oneDecimalIsWrittenAsStringFormatWritesIt() {
		java.util.Random random = new java.util.Random(16);
		for (int i = 0; i < 200_000; i++) {
			double v = switch (i % 4) {
				case 0 -> random.nextDouble() * 400;
				case 1 -> Math.round(random.nextDouble() * 4000) / 20.0;
				case 2 -> (random.nextDouble() - 0.5) * 2;
				default -> random.nextInt(1000) / 100.0 + 0.05;
			};
			assertThat(SvgChart.fmt(v)).as("%s", v).isEqualTo(String.format(java.util.Locale.ROOT, "%.1f", v));
		}
		assertThat(SvgChart.number(12)).isEqualTo("12");
		assertThat(SvgChart.number(12.25)).isEqualTo("12.3");
	}

	@Test
	void barsAreInProportionAndWriteTheirValues() {
		Map<String, Integer> values = new LinkedHashMap<>();
		values.put("Workflow", 4);
		values.put("Facilities", 2);
		values.put("Staffing", 0);
		SvgChart.Bars bars = SvgChart.bars("b", "By category", "desc", values);
		assertThat(bars.bars()).extracting(SvgChart.Bar::label).containsExactly("Workflow", "Facilities", "Staffing");
		assertThat(bars.bars()).extracting(SvgChart.Bar::value).containsExactly("4", "2", "0");
		assertThat(bars.bars().get(1).width() * 2).isCloseTo(bars.bars().get(0).width(),
				org.assertj.core.data.Offset.offset(0.01));
		assertThat(bars.bars()).extracting(SvgChart.Bar::percent).containsExactly(100, 50, 0);
	}

	@Test
	void aStackedBarFillsTheWidthAndLabelsOnlySegmentsWideEnough() {
		Map<String, List<Long>> counts = new LinkedHashMap<>();
		counts.put("All units", List.of(1L, 2L, 97L));
		SvgChart.Stacked chart = SvgChart.stacked("s", "BRS", "desc", List.of("low", "typical", "high"), counts);
		List<SvgChart.Segment> segments = chart.rows().get(0).segments();
		assertThat(segments.stream().mapToDouble(SvgChart.Segment::width).sum()).isCloseTo(SvgChart.WIDTH - 16,
				org.assertj.core.data.Offset.offset(0.01));
		assertThat(segments.get(2).labelled()).isTrue();
		assertThat(segments.get(0).labelled()).as("too narrow for its count; the table has it").isFalse();
		assertThat(chart.legend()).extracting(SvgChart.LegendEntry::label).containsExactly("low", "typical", "high");
	}

}
