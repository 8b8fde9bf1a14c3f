package org.cpr.needs.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.needs.NeedsScope;
import org.cpr.needs.StressorDomain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The base cells of one academic year: answers grouped by campaign and the coarse
 * attributes they carry, with count, sum and sum of squares per measure. Only campaigns
 * whose wave has closed count, so a base cell never changes after it was first released
 * (the gate reasons about stable units).
 */
@Component
class HeatMapQuery {

	/**
	 * One base cell. {@code key} is stable and opaque
	 * ("campaign|rotation|specialty|hospital").
	 */
	public record Unit(String key, UUID rotationId, String specialty, String hospital, long count,
			Map<StressorDomain, double[]> sums) {
	}

	private final JdbcClient jdbc;

	HeatMapQuery(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	/**
	 * The year's closed base cells of the campaigns in the viewer's scope (a base cell
	 * belongs to one campaign, a campaign to one org unit).
	 */
	public List<Unit> units(int year, LocalDate today, NeedsScope scope) {
		if (!scope.everything() && scope.units().isEmpty()) {
			return List.of();
		}
		return jdbc
			.sql("SELECT * FROM needs_unit WHERE academic_year = :year AND closes_on < :today"
					+ campaignFilter(scope, "campaign_id"))
			.param("year", year)
			.param("today", today)
			.param("units", scopeUnits(scope))
			.query((rs, i) -> {
				Map<StressorDomain, double[]> sums = new EnumMap<>(StressorDomain.class);
				for (StressorDomain d : StressorDomain.values()) {
					sums.put(d, new double[] { rs.getDouble("s_" + d.column()), rs.getDouble("q_" + d.column()) });
				}
				return new Unit(rs.getString("unit_key"), rs.getObject("rotation_id", UUID.class),
						rs.getString("specialty"), rs.getString("hospital_code"), rs.getLong("n"), sums);
			})
			.list();
	}

	/**
	 * The SQL condition (starting with " AND") that keeps rows whose {@code column} names
	 * a campaign sent to a unit in scope; bind {@link #scopeUnits} as {@code :units}.
	 */
	public static String campaignFilter(NeedsScope scope, String column) {
		return scope.everything() ? ""
				: " AND " + column + " IN (SELECT campaign_id FROM needs_campaign WHERE org_unit_id IN (:units))";
	}

	/** The value of {@code :units} for {@link #campaignFilter} (never an empty list). */
	public static List<UUID> scopeUnits(NeedsScope scope) {
		return scope.units().isEmpty() ? List.of(new UUID(0, 0)) : List.copyOf(scope.units());
	}

	/**
	 * The base-cell key of an answer: stable and opaque
	 * ("campaign|rotation|specialty|hospital").
	 */
	public static String key(UUID campaign, UUID rotation, String specialty, String hospital) {
		return campaign + "|" + rotation + "|" + specialty + "|" + hospital;
	}

	/**
	 * Adds one answer's measures to its base cell (creating it), in the caller's
	 * transaction.
	 */
	public void add(UUID campaign, int year, LocalDate closesOn, UUID rotation, String specialty, String hospital,
			Map<StressorDomain, Double> measures) {
		String key = key(campaign, rotation, specialty, hospital);
		StringBuilder update = new StringBuilder("UPDATE needs_unit SET n = n + 1");
		List<Object> args = new java.util.ArrayList<>();
		for (StressorDomain d : StressorDomain.values()) {
			double v = measures.getOrDefault(d, 0.0);
			update.append(", s_").append(d.column()).append(" = s_").append(d.column()).append(" + ?");
			update.append(", q_").append(d.column()).append(" = q_").append(d.column()).append(" + ?");
			args.add(v);
			args.add(v * v);
		}
		update.append(" WHERE unit_key = ?");
		args.add(key);
		StringBuilder insert = new StringBuilder(
				"INSERT INTO needs_unit (unit_key, campaign_id, academic_year, closes_on,"
						+ " rotation_id, specialty, hospital_code, n");
		StringBuilder values = new StringBuilder(" VALUES (?,?,?,?,?,?,?,0");
		for (StressorDomain d : StressorDomain.values()) {
			insert.append(", s_").append(d.column()).append(", q_").append(d.column());
			values.append(",0,0");
		}
		// Create-if-absent without an error (an error would abort a PostgreSQL
		// transaction), then add under the row lock.
		jdbc.sql(insert.append(")").append(values).append(") ON CONFLICT DO NOTHING").toString())
			.params(key, campaign, year, closesOn, rotation, specialty, hospital)
			.update();
		if (jdbc.sql(update.toString()).params(args).update() != 1) {
			throw new IllegalStateException("heat-map base cell could not be updated");
		}
	}

	/**
	 * Recomputes a year's base cells from the answers (demo data and benchmarks insert
	 * answers in bulk).
	 */
	public void rebuild(int year) {
		StringBuilder names = new StringBuilder();
		StringBuilder sums = new StringBuilder();
		for (StressorDomain d : StressorDomain.values()) {
			names.append(", s_").append(d.column()).append(", q_").append(d.column());
			sums.append(", COALESCE(SUM(")
				.append(d.column())
				.append("), 0), COALESCE(SUM(")
				.append(d.column())
				.append(" * ")
				.append(d.column())
				.append("), 0)");
		}
		jdbc.sql("DELETE FROM needs_unit WHERE academic_year = ?").param(year).update();
		jdbc.sql(
				"INSERT INTO needs_unit (unit_key, campaign_id, academic_year, closes_on, rotation_id, specialty, hospital_code, n"
						+ names
						+ ") SELECT CAST(campaign_id AS VARCHAR(36)) || '|' || COALESCE(CAST(rotation_id AS VARCHAR(36)), 'null')"
						+ " || '|' || COALESCE(specialty, 'null') || '|' || COALESCE(hospital_code, 'null'), campaign_id, MAX(academic_year),"
						+ " MAX(closes_on), rotation_id, specialty, hospital_code, COUNT(*)" + sums
						+ " FROM needs_response WHERE academic_year = ? GROUP BY campaign_id, rotation_id, specialty, hospital_code")
			.param(year)
			.update();
	}

	/**
	 * Academic years with any answer, newest first. Read from the base cells (every
	 * answer is in one, {@link #add} and {@link #rebuild}), a few hundred rows a year,
	 * not from the answers themselves: PostgreSQL has no skip scan, so a DISTINCT over
	 * the answers read the whole index (680,000 entries in the benchmark) on every map.
	 */
	public List<Integer> years() {
		return jdbc.sql("SELECT DISTINCT academic_year FROM needs_unit ORDER BY academic_year DESC")
			.query(Integer.class)
			.list();
	}

}
