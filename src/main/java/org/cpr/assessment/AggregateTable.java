package org.cpr.assessment;

import java.util.List;

/**
 * One table: participation (no bands) or one instrument's bands, a row per org unit plus
 * "all".
 */
public record AggregateTable(String instrumentId, List<String> bandOrder, List<AggregateCell> cells) {
}
