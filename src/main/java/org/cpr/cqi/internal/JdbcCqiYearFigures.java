package org.cpr.cqi.internal;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.cpr.cqi.CqiCategory;
import org.cpr.cqi.CqiStatus;
import org.cpr.cqi.CqiYearFigures;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** Reads the register's year from its own tables. */
@Component
class JdbcCqiYearFigures implements CqiYearFigures {

	private final JdbcClient jdbc;

	private final java.time.Clock clock;

	JdbcCqiYearFigures(JdbcClient jdbc, java.time.Clock clock) {
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public SpeakUpReports speakUpReports(LocalDate from, LocalDate toExclusive) {
		return new SpeakUpReports(reports("MISTREATMENT", from, toExclusive), reports("SYSTEMIC", from, toExclusive));
	}

	private long reports(String channel, LocalDate from, LocalDate toExclusive) {
		return jdbc
			.sql("SELECT COUNT(*) FROM cqi_report WHERE channel = ? AND submitted_on >= ? AND submitted_on < ?"
					+ " AND reviewable_from <= ?")
			.params(channel, from, toExclusive, LocalDate.now(clock))
			.query(Long.class)
			.single();
	}

	@Override
	@Transactional(readOnly = true)
	public Figures figures(LocalDate from, LocalDate toExclusive) {
		Timestamp start = Timestamp.from(from.atStartOfDay().toInstant(ZoneOffset.UTC));
		Timestamp end = Timestamp.from(toExclusive.atStartOfDay().toInstant(ZoneOffset.UTC));
		List<Item> opened = jdbc
			.sql("SELECT id, title, category, status FROM cqi_item WHERE created_at >= ? AND created_at < ?"
					+ " ORDER BY created_at, id")
			.params(start, end)
			.query((rs, i) -> new Item(rs.getObject("id", UUID.class), rs.getString("title"),
					CqiCategory.valueOf(rs.getString("category")), CqiStatus.valueOf(rs.getString("status"))))
			.list();
		List<UUID> resolved = jdbc
			.sql("SELECT DISTINCT item_id FROM cqi_status_change WHERE to_status IN ('IMPLEMENTED', 'CLOSED')"
					+ " AND changed_at >= ? AND changed_at < ?")
			.params(start, end)
			.query(UUID.class)
			.list();
		List<YouSaidWeDid> board = jdbc
			.sql("SELECT category, you_said, we_did, updated_at FROM cqi_item WHERE published = TRUE"
					+ " AND you_said IS NOT NULL AND updated_at >= ? AND updated_at < ? ORDER BY updated_at, id")
			.params(start, end)
			.query((rs, i) -> new YouSaidWeDid(CqiCategory.valueOf(rs.getString("category")), rs.getString("you_said"),
					rs.getString("we_did"),
					rs.getTimestamp("updated_at").toInstant().atZone(ZoneOffset.UTC).toLocalDate()))
			.list();
		return new Figures(opened, resolved, board);
	}

}
