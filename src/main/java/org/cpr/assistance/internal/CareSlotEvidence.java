package org.cpr.assistance.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.curriculum.WellBeingRequirement;
import org.cpr.evaluation.WellBeingEvidenceSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Tells the VI.C evidence pack how much confidential care was offered (VI.C.1.e(4)):
 * consultation slots that were open to book in a period, and how many of them fell after
 * hours or at weekends. Slots serve every program; no person is involved.
 */
@Component
class CareSlotEvidence implements WellBeingEvidenceSource {

	private final JdbcClient jdbc;

	private final Clock clock;

	CareSlotEvidence(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public List<Evidence> evidence(UUID program, LocalDate from, LocalDate toExclusive) {
		long[] counts = jdbc
			.sql("SELECT COUNT(*), COALESCE(SUM(CASE WHEN after_hours OR weekend THEN 1 ELSE 0 END), 0)"
					+ " FROM assist_slot WHERE status <> 'WITHDRAWN' AND starts_at >= ? AND starts_at < ?")
			.params(start(from), start(toExclusive))
			.query((rs, i) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
		return List.of(new Evidence(WellBeingRequirement.VI_C_1_E_4, Kind.CARE_SLOTS, counts[0]),
				new Evidence(WellBeingRequirement.VI_C_1_E_4, Kind.CARE_SLOTS_AFTER_HOURS, counts[1]));
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

}
