package org.cpr.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * One chart per instrument table of the program view: a stacked bar for each row the disclosure gate
 * released, in the table's order and band order. Suppressed rows are not drawn and not named in the
 * alt text; they stay in the table as "fewer than N responses".
 */
@Component
class AggregateCharts {

    /** The PNG data URI and its alt text (group and band names only; the figures are in the table). */
    record Chart(String image, String alt) {
    }

    private final MessageSource messages;

    AggregateCharts(MessageSource messages) {
        this.messages = messages;
    }

    /** By instrument id; an instrument whose rows are all suppressed gets no chart. */
    Map<String, Chart> of(List<AggregateTable> tables, Locale locale) {
        Map<String, Chart> charts = new LinkedHashMap<>();
        for (AggregateTable table : tables) {
            if (table.instrumentId() == null || table.bandOrder().isEmpty()) {
                continue;
            }
            List<BandChart.Bar> bars = table.cells().stream().filter(AggregateCell::released)
                    .map(c -> new BandChart.Bar(unit(c, locale),
                            table.bandOrder().stream().map(b -> c.bands().getOrDefault(b, 0L)).toList()))
                    .toList();
            if (bars.isEmpty()) {
                continue;
            }
            List<String> bands = table.bandOrder().stream()
                    .map(b -> messages.getMessage("snapshot.band." + b, null, b, locale)).toList();
            String alt = messages.getMessage("snapshot.aggregate.chart.alt", new Object[] {table.instrumentId(),
                    String.join(", ", bars.stream().map(BandChart.Bar::label).toList()), String.join(", ", bands)}, locale);
            charts.put(table.instrumentId(), new Chart(BandChart.png(bands, bars), alt));
        }
        return charts;
    }

    private String unit(AggregateCell cell, Locale locale) {
        return cell.unitName() != null ? cell.unitName() : messages.getMessage("snapshot.aggregate.all", null, locale);
    }
}
