package org.cpr.cqi;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

/**
 * A closed register item as the report shows it: what it was and what was done about it
 * (the published "we did", else the reason a declined item was closed, else the
 * follow-ups of its last presentation; null when nothing was recorded).
 */
record ClosedLine(String itemTitle, LocalDate closedOn, String whatWasDone) {

	static List<ClosedLine> of(List<ItemView> items, UUID hospital) {
		return items.stream()
			.filter(i -> i.status() == CqiStatus.CLOSED)
			.filter(i -> hospital == null || hospital.equals(i.hospitalId()))
			.map(i -> new ClosedLine(i.title(),
					i.closedAt() == null ? null : LocalDate.ofInstant(i.closedAt(), ZoneOffset.UTC), done(i)))
			.toList();
	}

	private static String done(ItemView i) {
		if (i.weDid() != null && !i.weDid().isBlank()) {
			return i.weDid();
		}
		if (i.decisionReason() != null && !i.decisionReason().isBlank()) {
			return i.decisionReason();
		}
		return i.presentations()
			.stream()
			.map(ItemView.Presentation::followUps)
			.filter(f -> f != null && !f.isBlank())
			.reduce((first, last) -> last)
			.orElse(null);
	}

}
