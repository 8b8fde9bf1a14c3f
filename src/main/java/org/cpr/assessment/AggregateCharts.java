package org.cpr.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.cpr.shared.SvgChart;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One chart per instrument table of the program view (SVG,
 * {@code fragments/charts :: stacked}): a stacked bar for each row the disclosure gate
 * released, in the table's order and band order. Suppressed rows are not drawn and not
 * named in the alt text; they stay in the table as "fewer than N responses".
 */
@Component
class AggregateCharts {

	private final MessageSource messages;

	private final SnapshotManagement snapshots;

	AggregateCharts(MessageSource messages, SnapshotManagement snapshots) {
		this.messages = messages;
		this.snapshots = snapshots;
	}

	/** The instrument's name in {@code locale}'s language where a translation ships. */
	String title(String instrumentId, Locale locale) {
		return snapshots.instrumentExists(instrumentId) ? snapshots.form(instrumentId, locale).title() : instrumentId;
	}

	/** By instrument id; an instrument whose rows are all suppressed gets no chart. */
	Map<String, SvgChart.Stacked> of(List<AggregateTable> tables, Locale locale) {
		Map<String, SvgChart.Stacked> charts = new LinkedHashMap<>();
		for (AggregateTable table : tables) {
			if (table.instrumentId() == null || table.bandOrder().isEmpty()) {
				continue;
			}
			Map<String, List<Long>> bars = new LinkedHashMap<>();
			table.cells()
				.stream()
				.filter(AggregateCell::released)
				.forEach(c -> bars.put(unit(c, locale),
						table.bandOrder().stream().map(b -> c.bands().getOrDefault(b, 0L)).toList()));
			if (bars.isEmpty()) {
				continue;
			}
			List<String> bands = table.bandOrder()
				.stream()
				.map(b -> messages.getMessage("snapshot.band." + b, null, b, locale))
				.toList();
			String alt = messages.getMessage("snapshot.aggregate.chart.alt", new Object[] {
					title(table.instrumentId(), locale), String.join(", ", bars.keySet()), String.join(", ", bands) },
					locale);
			String title = messages.getMessage("snapshot.aggregate.chart.caption",
					new Object[] { title(table.instrumentId(), locale) }, locale);
			charts.put(table.instrumentId(), SvgChart.stacked("svg-" + table.instrumentId(), title, alt, bands, bars));
		}
		return charts;
	}

	private String unit(AggregateCell cell, Locale locale) {
		return cell.unitName() != null ? cell.unitName() : messages.getMessage("snapshot.aggregate.all", null, locale);
	}

}
