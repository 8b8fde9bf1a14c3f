package org.cpr.peersupport.internal;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Base cells for the peer support report: requests per month × profession × department
 * filed in a window, with the reach-in figures. The cells of a finished window never
 * change, so the disclosure gate's ledger holds across page views.
 */
@Repository
class ReportCells {

	/**
	 * One base cell: month (yyyy-MM), profession and department codes, and its figures.
	 */
	public record Cell(String month, String profession, String department, long requests, long reachIns,
			long reachInsWithin24h, long contactedReachIns, double hoursToContact, double hoursSquared) {

		public String key() {
			return month + "|" + profession + "|" + department;
		}
	}

	private final JdbcClient jdbc;

	ReportCells(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<Cell> cells(Instant from, Instant toExclusive, Duration target) {
		record Row(Instant filed, String kind, String profession, String department, Instant contact) {
		}
		List<Row> rows = jdbc
			.sql("SELECT filed_at, kind, profession, department_id, first_contact_at FROM peer_request "
					+ "WHERE filed_at >= ? AND filed_at < ? AND merged_into IS NULL")
			.params(Timestamp.from(from), Timestamp.from(toExclusive))
			.query((rs, n) -> {
				Timestamp contact = rs.getTimestamp(5);
				Object dept = rs.getObject(4);
				return new Row(rs.getTimestamp(1).toInstant(), rs.getString(2),
						rs.getString(3) == null ? "UNKNOWN" : rs.getString(3), dept == null ? "none" : dept.toString(),
						contact == null ? null : contact.toInstant());
			})
			.list();
		java.util.Map<String, long[]> counts = new java.util.TreeMap<>();
		java.util.Map<String, double[]> hours = new java.util.HashMap<>();
		for (Row r : rows) {
			String key = r.filed().atOffset(ZoneOffset.UTC).toLocalDate().toString().substring(0, 7) + "|"
					+ r.profession() + "|" + r.department();
			long[] c = counts.computeIfAbsent(key, k -> new long[4]);
			double[] h = hours.computeIfAbsent(key, k -> new double[2]);
			c[0]++;
			if ("REACH_IN".equals(r.kind())) {
				c[1]++;
				if (r.contact() != null) {
					double hrs = Duration.between(r.filed(), r.contact()).toMinutes() / 60.0;
					c[3]++;
					h[0] += hrs;
					h[1] += hrs * hrs;
					if (!r.contact().isAfter(r.filed().plus(target))) {
						c[2]++;
					}
				}
			}
		}
		List<Cell> cells = new ArrayList<>();
		counts.forEach((key, c) -> {
			String[] parts = key.split("\\|");
			double[] h = hours.get(key);
			cells.add(new Cell(parts[0], parts[1], parts[2], c[0], c[1], c[2], c[3], h[0], h[1]));
		});
		return cells;
	}

}
