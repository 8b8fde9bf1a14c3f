package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.UUID;
import org.cpr.disclosure.Contribution;
import org.cpr.survey.internal.WaveReportService.Groups;
import org.cpr.survey.internal.WaveReportService.Shape;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The base cells of a large closed wave ({@link WaveReportService#RESPONDENT_LIMIT}): one
 * SQL GROUP BY over a covering index, stored once per wave in
 * {@code survey_wave_aggregate}; the report feeds them to the disclosure gate as
 * pre-aggregated contributions.
 */
@Component
class LargeWaveBaseCells {

	private final JdbcTemplate jdbc;

	private final TransactionTemplate tx;

	private final Clock clock;

	LargeWaveBaseCells(JdbcTemplate jdbc, PlatformTransactionManager txm, Clock clock) {
		this.jdbc = jdbc;
		this.tx = new TransactionTemplate(txm);
		this.clock = clock;
	}

	/**
	 * Score sums per base cell (group × PGY band × rotation), stored once per closed
	 * wave.
	 */
	Groups scores(UUID waveId, boolean anon, Shape shape) {
		String sql = anon
				? "SELECT hospital AS grp, pgy_band AS pgy, rotation AS rot, COUNT(*) AS n, SUM(score) AS s,"
						+ " SUM(score * score) AS ss FROM survey_response_anon WHERE wave_id = ? AND score IS NOT NULL"
						+ " GROUP BY hospital, pgy_band, rotation"
				: "SELECT CAST(r.org_unit_id AS VARCHAR) AS grp, NULL AS pgy, NULL AS rot, COUNT(*) AS n, SUM(i.score) AS s,"
						+ " SUM(i.score * i.score) AS ss FROM survey_response_identified i JOIN survey_wave w ON w.id = i.wave_id"
						+ " LEFT JOIN survey_roster r ON r.campaign_id = w.campaign_id AND r.person_id = i.person_id"
						+ " WHERE i.wave_id = ? AND i.score IS NOT NULL GROUP BY r.org_unit_id";
		String source = materialized(waveId, sql)
				? "SELECT grp, pgy, rot, n, s, ss FROM survey_wave_aggregate WHERE wave_id = ?" : sql;
		Groups groups = new Groups(shape);
		jdbc.query(source, rs -> {
			String grp = rs.getString("grp");
			String pgy = rs.getString("pgy");
			String key = grp + "|" + pgy + "|" + rs.getString("rot");
			groups.add(grp, pgy,
					Contribution.aggregate(key, rs.getLong("n"), rs.getDouble("s"), rs.getDouble("ss"), 0));
		}, waveId);
		return groups;
	}

	/**
	 * A large closed health-screen wave: positive counts per base cell, straight from the
	 * responses.
	 */
	Groups screens(UUID waveId, boolean anon, Shape shape) {
		String positive = "SUM(CASE WHEN (',' || COALESCE(%s, '') || ',') LIKE '%%,POSITIVE,%%' THEN 1 ELSE 0 END)";
		String sql = anon ? "SELECT hospital AS grp, pgy_band AS pgy, rotation AS rot, COUNT(*) AS n, "
				+ positive.formatted("flags")
				+ " AS p FROM survey_response_anon WHERE wave_id = ? AND score IS NOT NULL GROUP BY hospital, pgy_band, rotation"
				: "SELECT CAST(r.org_unit_id AS VARCHAR) AS grp, NULL AS pgy, NULL AS rot, COUNT(*) AS n, "
						+ positive.formatted("i.flags")
						+ " AS p FROM survey_response_identified i JOIN survey_wave w ON w.id = i.wave_id"
						+ " LEFT JOIN survey_roster r ON r.campaign_id = w.campaign_id AND r.person_id = i.person_id"
						+ " WHERE i.wave_id = ? AND i.score IS NOT NULL GROUP BY r.org_unit_id";
		Groups groups = new Groups(shape);
		jdbc.query(sql, rs -> {
			long count = rs.getLong("n");
			long p = rs.getLong("p");
			String key = rs.getString("grp") + "|" + rs.getString("pgy") + "|" + rs.getString("rot");
			groups.add(rs.getString("grp"), rs.getString("pgy"), Contribution.aggregate(key, count, p, p, p));
		}, waveId);
		return groups;
	}

	/**
	 * Makes sure the closed wave's base cells are stored; returns false if another
	 * request is computing them right now (the caller then runs the GROUP BY itself).
	 */
	private boolean materialized(UUID waveId, String groupBy) {
		Integer done = jdbc.queryForObject("SELECT COUNT(*) FROM survey_wave_aggregated WHERE wave_id = ?",
				Integer.class, waveId);
		if (done != null && done > 0) {
			return true;
		}
		try {
			tx.executeWithoutResult(st -> {
				jdbc.update("INSERT INTO survey_wave_aggregated (wave_id, computed_on) VALUES (?, ?)", waveId,
						LocalDate.now(clock));
				jdbc.update(
						"INSERT INTO survey_wave_aggregate (wave_id, grp, pgy, rot, n, s, ss) SELECT CAST(? AS UUID), grp, pgy, rot, n, s, ss"
								+ " FROM (" + groupBy + ") base",
						waveId, waveId);
			});
			return true;
		}
		catch (DuplicateKeyException concurrent) {
			return false;
		}
	}

}
