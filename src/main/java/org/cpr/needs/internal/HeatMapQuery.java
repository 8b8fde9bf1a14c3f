package org.cpr.needs.internal;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.needs.StressorDomain;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The base cells of one academic year: answers grouped by campaign and the coarse attributes they
 * carry, with count, sum and sum of squares per measure. Only campaigns whose wave has closed count,
 * so a base cell never changes after it was first released (the gate reasons about stable units).
 */
@Component
public class HeatMapQuery {

    /** One base cell. {@code key} is stable and opaque ("campaign|rotation|specialty|hospital"). */
    public record Unit(String key, UUID rotationId, String specialty, String hospital, long count,
                       Map<StressorDomain, double[]> sums) {
    }

    private final JdbcClient jdbc;

    HeatMapQuery(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Unit> units(int year, LocalDate today) {
        StringBuilder sql = new StringBuilder("SELECT campaign_id, rotation_id, specialty, hospital_code, COUNT(*) AS n");
        for (StressorDomain d : StressorDomain.values()) {
            sql.append(", SUM(").append(d.column()).append(") AS s_").append(d.column())
                .append(", SUM(").append(d.column()).append(" * ").append(d.column()).append(") AS q_").append(d.column());
        }
        sql.append(" FROM needs_response WHERE academic_year = ? AND closes_on < ?"
            + " GROUP BY campaign_id, rotation_id, specialty, hospital_code");
        return jdbc.sql(sql.toString()).params(year, today).query((rs, i) -> {
            Map<StressorDomain, double[]> sums = new EnumMap<>(StressorDomain.class);
            for (StressorDomain d : StressorDomain.values()) {
                sums.put(d, new double[] {rs.getDouble("s_" + d.column()), rs.getDouble("q_" + d.column())});
            }
            UUID rotation = rs.getObject("rotation_id", UUID.class);
            String key = rs.getObject("campaign_id", UUID.class) + "|" + rotation + "|" + rs.getString("specialty") + "|"
                + rs.getString("hospital_code");
            return new Unit(key, rotation, rs.getString("specialty"), rs.getString("hospital_code"), rs.getLong("n"), sums);
        }).list();
    }

    /** Academic years with any answer, newest first. */
    public List<Integer> years() {
        return jdbc.sql("SELECT DISTINCT academic_year FROM needs_response ORDER BY academic_year DESC").query(Integer.class).list();
    }
}
