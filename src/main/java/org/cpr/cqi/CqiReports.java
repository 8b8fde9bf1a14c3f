package org.cpr.cqi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Builds the register report with plain SQL aggregates (reporting queries use
 * JdbcClient).
 */
@Service
class CqiReports {

	static final List<String> AGE_BUCKETS = List.of("0-30", "31-90", "91-180", "181+");

	private final JdbcClient jdbc;

	private final Clock clock;

	CqiReports(JdbcClient jdbc, Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public CqiReportData build() {
		return build(null);
	}

	/** The register report for items of the given org units only (null: every item). */
	@Transactional(readOnly = true)
	public CqiReportData build(java.util.Collection<java.util.UUID> scope) {
		String only = scope == null ? "" : scope.isEmpty() ? " AND 1 = 0" : " AND hospital_id IN (:scope)";
		Map<String, Object> params = scope == null || scope.isEmpty() ? Map.of() : Map.of("scope", scope);
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		Map<CqiCategory, Integer> byCategory = new EnumMap<>(CqiCategory.class);
		for (CqiCategory c : CqiCategory.values()) {
			byCategory.put(c, 0);
		}
		Map<String, Integer> byAge = new LinkedHashMap<>();
		AGE_BUCKETS.forEach(b -> byAge.put(b, 0));
		List<CqiReportData.OverdueLine> overdue = new ArrayList<>();
		jdbc.sql("SELECT id, title, category, status, created_at, due_on FROM cqi_item WHERE status <> 'CLOSED'" + only)
			.params(params)
			.query(rs -> {
				CqiCategory category = CqiCategory.valueOf(rs.getString("category"));
				byCategory.merge(category, 1, Integer::sum);
				LocalDate created = rs.getTimestamp("created_at").toInstant().atZone(ZoneOffset.UTC).toLocalDate();
				byAge.merge(bucket(ChronoUnit.DAYS.between(created, today)), 1, Integer::sum);
				java.sql.Date due = rs.getDate("due_on");
				if (due != null && due.toLocalDate().isBefore(today)) {
					overdue.add(new CqiReportData.OverdueLine(rs.getObject("id", java.util.UUID.class),
							rs.getString("title"), category, due.toLocalDate(),
							CqiStatus.valueOf(rs.getString("status"))));
				}
			});
		overdue.sort(java.util.Comparator.comparing(CqiReportData.OverdueLine::dueOn));
		List<CqiReportData.DecisionLine> decisions = jdbc
			.sql("""
					SELECT i.title, p.presented_on, p.audience, p.decision FROM cqi_presentation p
					JOIN cqi_item i ON i.id = p.item_id WHERE 1 = 1""" + only.replace("hospital_id", "i.hospital_id")
					+ " ORDER BY p.presented_on DESC")
			.params(params)
			.query((rs, n) -> new CqiReportData.DecisionLine(rs.getString(1), rs.getDate(2).toLocalDate(),
					PresentationAudience.valueOf(rs.getString(3)), Decision.valueOf(rs.getString(4))))
			.list();
		List<Long> daysToClose = jdbc
			.sql("SELECT created_at, closed_at FROM cqi_item WHERE status = 'CLOSED' AND closed_at IS NOT NULL" + only)
			.params(params)
			.query((rs, n) -> ChronoUnit.DAYS.between(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
			.list()
			.stream()
			.sorted()
			.toList();
		Integer median = daysToClose.isEmpty() ? null : Math.toIntExact(daysToClose.get(daysToClose.size() / 2));
		return new CqiReportData(today, byCategory, byAge, decisions, daysToClose.size(), median, overdue);
	}

	static String bucket(long days) {
		if (days <= 30) {
			return "0-30";
		}
		if (days <= 90) {
			return "31-90";
		}
		return days <= 180 ? "91-180" : "181+";
	}

}
