package org.cpr.needs.bench;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import org.cpr.identity.IdentityManagement;
import org.cpr.needs.Dimension;
import org.cpr.needs.HeatMap;
import org.cpr.needs.NeedsResults;
import org.cpr.needs.RotationCatalogue;
import org.cpr.needs.Setting;
import org.cpr.shared.Role;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Heat-map benchmark on PostgreSQL (issue #18): 5 academic years × 30,000 people × 40
 * rotations. Each year has 13 four-week blocks; each person answers after a block with
 * probability 0.35, so about 136,500 answers a year and 680,000 in all, generated in SQL.
 * Measures {@link NeedsResults#heatMap} (the grouped query plus ten disclosure-gate
 * decisions) by rotation, hospital and specialty for each year. Prints; never asserts.
 * Run by hand:
 *
 * <pre>
 * CPR_TEST_DB_URL=jdbc:postgresql://127.0.0.1:5432/cpr_needs CPR_TEST_DB_USER=postgres CPR_TEST_DB_PASSWORD= \
 *   ./mvnw -B -ntp test -Dtest=NeedsHeatMapBenchmark -Dsurefire.failIfNoSpecifiedTests=false | grep BENCH
 * </pre>
 */
@SpringBootTest
@PostgresTest
class NeedsHeatMapBenchmark {

	static final int YEARS = 5;
	static final int PEOPLE = 30_000;
	static final int ROTATIONS = 40;
	static final int BLOCKS = 13;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	NeedsResults results;

	@Autowired
	RotationCatalogue catalogue;

	@Autowired
	IdentityManagement identity;

	@Autowired
	org.cpr.needs.internal.HeatMapQuery units;

	@Test
	void heatMapOverFiveYears() {
		List<String> hospitals = catalogue.hospitals().stream().map(h -> h.code()).toList();
		List<UUID> rotations = new ArrayList<>();
		for (int i = 0; i < ROTATIONS; i++) {
			final int r = i;
			String name = "Bench rotation " + r;
			String hospital = hospitals.get(r % hospitals.size());
			rotations.add(catalogue.lookup(name, hospital)
				.map(x -> x.id())
				.orElseGet(() -> catalogue.save(null, name, hospital, "Specialty " + (r % 10), Setting.values()[r % 8],
						null)));
		}
		// Past years, so every wave has closed and counts (the test clock starts in
		// 2026).
		int firstYear = 2015;
		long existing = jdbc.sql("SELECT COUNT(*) FROM needs_response WHERE academic_year BETWEEN ? AND ?")
			.params(firstYear, firstYear + YEARS - 1)
			.query(Long.class)
			.single();
		long t0 = System.nanoTime();
		if (existing == 0) {
			jdbc.sql("CREATE TEMPORARY TABLE bench_rot (n INT, id UUID, spec VARCHAR(80), hosp VARCHAR(40))").update();
			for (int r = 0; r < ROTATIONS; r++) {
				jdbc.sql("INSERT INTO bench_rot VALUES (?,?,?,?)")
					.params(r, rotations.get(r), "Specialty " + (r % 10), hospitals.get(r % hospitals.size()))
					.update();
			}
			// person p is on rotation (p + block) mod 40 in each block; answers with
			// probability 0.35
			jdbc.sql(
					"""
							INSERT INTO needs_response (id, campaign_id, academic_year, closes_on, rotation_id, specialty, hospital_code,
							  workload, sleep, autonomy, team, mistreatment, adverse, ehr, home, burnout, wellbeing)
							SELECT gen_random_uuid(), md5('bench' || y || '-' || b)::uuid, y, make_date(y, 7, 1) + (b * 28 + 14), r.id, r.spec, r.hosp,
							  round((random() * 100)::numeric, 2), round((random() * 100)::numeric, 2), round((random() * 100)::numeric, 2),
							  round((random() * 100)::numeric, 2), round((random() * 100)::numeric, 2), round((random() * 100)::numeric, 2),
							  round((random() * 100)::numeric, 2), round((random() * 100)::numeric, 2), 1 + floor(random() * 5), floor(random() * 26) * 4
							FROM generate_series(?, ?) y CROSS JOIN generate_series(0, ?) b CROSS JOIN generate_series(0, ?) p
							JOIN bench_rot r ON r.n = (p + b) % 40
							WHERE random() < 0.35""")
				.params(firstYear, firstYear + YEARS - 1, BLOCKS - 1, PEOPLE - 1)
				.update();
			jdbc.sql("ANALYZE needs_response").update();
		}
		if (jdbc.sql("SELECT COUNT(*) FROM needs_unit WHERE academic_year = ?")
			.param(firstYear)
			.query(Long.class)
			.single() == 0) {
			for (int y = firstYear; y < firstYear + YEARS; y++) {
				units.rebuild(y);
			}
		}
		long rows = jdbc.sql("SELECT COUNT(*) FROM needs_response WHERE academic_year BETWEEN ? AND ?")
			.params(firstYear, firstYear + YEARS - 1)
			.query(Long.class)
			.single();
		System.out.printf("BENCH needs seeded %,d answers over %d years in %.1f s%n", rows, YEARS,
				(System.nanoTime() - t0) / 1e9);

		var facilitator = identity.byUsername("facilitator").orElseThrow().id();
		NeedsResults.Viewer viewer = new NeedsResults.Viewer(facilitator, Role.FACILITATOR,
				org.cpr.needs.NeedsScope.wholeInstitution());
		for (Dimension by : Dimension.values()) {
			for (int i = 0; i < 3; i++) {
				results.heatMap(viewer, by, firstYear + i % YEARS);
			}
			List<Double> ms = new ArrayList<>();
			int released = 0;
			for (int i = 0; i < 30; i++) {
				long s = System.nanoTime();
				HeatMap map = results.heatMap(viewer, by, firstYear + i % YEARS);
				ms.add((System.nanoTime() - s) / 1e6);
				released = (int) map.rows()
					.stream()
					.flatMap(r -> r.cells().stream())
					.filter(HeatMap.Cell::released)
					.count();
			}
			Collections.sort(ms);
			System.out.printf(
					"BENCH needs heat map by %s: median %.0f ms, p95 %.0f ms, max %.0f ms (n = 30; %d released cells in the last map)%n",
					by, ms.get(14), ms.get(28), ms.get(29), released);
		}
		// The same maps as a program director sees them: the bench campaigns belong to
		// one
		// program, so the scoped query joins needs_campaign and returns the same cells.
		var program = identity.orgUnits().stream().filter(u -> "PRG-IM".equals(u.code())).findFirst().orElseThrow();
		jdbc.sql("""
				INSERT INTO needs_campaign (campaign_id, academic_year, sent_on, closes_on, org_unit_id)
				SELECT campaign_id, MAX(academic_year), MAX(closes_on) - 13, MAX(closes_on), ? FROM needs_response
				WHERE academic_year BETWEEN ? AND ? AND campaign_id NOT IN (SELECT campaign_id FROM needs_campaign)
				GROUP BY campaign_id""").params(program.id().value(), firstYear, firstYear + YEARS - 1).update();
		var director = identity.byUsername("director").orElseThrow().id();
		NeedsResults.Viewer scoped = new NeedsResults.Viewer(director, Role.PROGRAM_DIRECTOR,
				org.cpr.needs.NeedsScope.units(identity.subtree(program.id()).stream().map(u -> u.value()).toList()));
		for (int i = 0; i < 3; i++) {
			results.heatMap(scoped, Dimension.ROTATION, firstYear + i % YEARS);
		}
		List<Double> scopedMs = new ArrayList<>();
		for (int i = 0; i < 30; i++) {
			long s = System.nanoTime();
			results.heatMap(scoped, Dimension.ROTATION, firstYear + i % YEARS);
			scopedMs.add((System.nanoTime() - s) / 1e6);
		}
		Collections.sort(scopedMs);
		System.out.printf(
				"BENCH needs heat map by ROTATION, program director (scoped): median %.0f ms, p95 %.0f ms, max %.0f ms (n = 30)%n",
				scopedMs.get(14), scopedMs.get(28), scopedMs.get(29));
		String plan = String.join("\n",
				jdbc.sql("EXPLAIN ANALYZE SELECT * FROM needs_unit WHERE academic_year = ? AND closes_on < ?")
					.params(firstYear, java.time.LocalDate.of(2099, 1, 1))
					.query(String.class)
					.list());
		System.out.println("BENCH needs plan: " + plan.replace("\n", "\nBENCH   "));
	}

}
