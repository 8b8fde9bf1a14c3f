package db.migration.safety;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Alerts raised from the anonymous check-in before times were coarse: {@code raised_at}
 * becomes the start of its day (UTC); the acknowledgement deadline, acknowledgement and
 * disposition times are rounded down to the hour (a deadline only ever earlier, never
 * later). Written in Java so the day is taken in UTC on H2 and PostgreSQL alike. Audit
 * rows cannot be changed (append-only); see docs/checkin.md for what that leaves behind.
 */
public class V7_5__Coarse_checkin_alert_times extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		record Row(Object id, Timestamp raised, Timestamp deadline, Timestamp ack, Timestamp disposition) {
		}
		List<Row> rows = new ArrayList<>();
		try (PreparedStatement q = context.getConnection()
			.prepareStatement(
					"SELECT id, raised_at, ack_deadline, acknowledged_at, disposition_at FROM safety_alert WHERE checkin_handle_id IS NOT NULL");
				ResultSet rs = q.executeQuery()) {
			while (rs.next()) {
				rows.add(new Row(rs.getObject(1), rs.getTimestamp(2), rs.getTimestamp(3), rs.getTimestamp(4),
						rs.getTimestamp(5)));
			}
		}
		try (PreparedStatement u = context.getConnection()
			.prepareStatement(
					"UPDATE safety_alert SET raised_at = ?, ack_deadline = ?, acknowledged_at = ?, disposition_at = ? WHERE id = ?")) {
			for (Row r : rows) {
				u.setTimestamp(1, Timestamp
					.from(r.raised().toInstant().atZone(ZoneOffset.UTC).truncatedTo(ChronoUnit.DAYS).toInstant()));
				u.setTimestamp(2, hour(r.deadline()));
				u.setTimestamp(3, hour(r.ack()));
				u.setTimestamp(4, hour(r.disposition()));
				u.setObject(5, r.id());
				u.addBatch();
			}
			u.executeBatch();
		}
	}

	private static Timestamp hour(Timestamp t) {
		return t == null ? null
				: Timestamp.from(Instant.ofEpochSecond(Math.floorDiv(t.toInstant().getEpochSecond(), 3600) * 3600));
	}

}
