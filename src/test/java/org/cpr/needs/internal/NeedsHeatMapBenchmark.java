package org.cpr.needs.internal;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.LedgerEntry;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.ReleaseLedger;
import org.cpr.identity.IdentityManagement;
import org.cpr.needs.Dimension;
import org.cpr.needs.HeatMap;
import org.cpr.needs.NeedsResults;
import org.cpr.needs.RotationCatalogue;
import org.cpr.needs.Setting;
import org.cpr.needs.StressorDomain;
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
	HeatMapQuery units;

	@Autowired
	ReleaseLedger ledger;

	@Autowired
	DisclosureGate gate;

	@Autowired
	java.time.Clock clock;

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
			List<Double> cpu = new ArrayList<>();
			int released = 0;
			String loadBefore = loadAverage();
			for (int i = 0; i < 30; i++) {
				long c = THREADS.getCurrentThreadCpuTime();
				long s = System.nanoTime();
				HeatMap map = results.heatMap(viewer, by, firstYear + i % YEARS);
				ms.add((System.nanoTime() - s) / 1e6);
				cpu.add((THREADS.getCurrentThreadCpuTime() - c) / 1e6);
				released = (int) map.rows()
					.stream()
					.flatMap(r -> r.cells().stream())
					.filter(HeatMap.Cell::released)
					.count();
			}
			Collections.sort(ms);
			Collections.sort(cpu);
			System.out.printf(
					"BENCH needs heat map by %s: median %.0f ms, p95 %.0f ms, max %.0f ms (n = 30; %d released cells in the last map); "
							+ "CPU of the calling thread median %.0f ms, p95 %.0f ms; load average %s → %s%n",
					by, ms.get(14), ms.get(28), ms.get(29), released, cpu.get(14), cpu.get(28), loadBefore,
					loadAverage());
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
		breakdown(viewer, firstYear);
		String plan = String.join("\n",
				jdbc.sql("EXPLAIN ANALYZE SELECT * FROM needs_unit WHERE academic_year = ? AND closes_on < ?")
					.params(firstYear, java.time.LocalDate.of(2099, 1, 1))
					.query(String.class)
					.list());
		System.out.println("BENCH needs plan: " + plan.replace("\n", "\nBENCH   "));
	}

	/**
	 * Where the time of one map by rotation goes: each part of
	 * {@link NeedsResults#heatMap} timed on its own, 30 times over the five years (p95 of
	 * each).
	 */
	private void breakdown(NeedsResults.Viewer viewer, int firstYear) {
		java.time.LocalDate today = java.time.LocalDate.now(clock);
		Map<String, List<Double>> parts = new java.util.LinkedHashMap<>();
		for (int i = 0; i < 33; i++) {
			int year = firstYear + i % YEARS;
			String round = "needs:" + year;
			boolean warm = i >= 3;
			long s = System.nanoTime();
			units.years();
			part(parts, "years with answers", s, warm);
			s = System.nanoTime();
			List<HeatMapQuery.Unit> all = units.units(year, today, org.cpr.needs.NeedsScope.wholeInstitution());
			part(parts, "base cells (SQL)", s, warm);
			s = System.nanoTime();
			catalogue.all();
			part(parts, "rotation labels (catalogue)", s, warm);
			s = System.nanoTime();
			List<LedgerEntry> past = ledger.releases(round);
			part(parts, "ledger read (" + past.size() + " sets)", s, warm);
			// The same decision against an in-memory copy of the round's ledger: the
			// gate's own work (replay + partition checks + statistics), no database.
			ReleaseLedger copy = ReleaseLedger.inMemory();
			copy.record(viewer.person(), round, past);
			DisclosureGate inMemory = new DisclosureGate(copy, new java.util.Random(1), entry -> {
			});
			DisclosureRequest request = request(viewer, round, all);
			s = System.nanoTime();
			inMemory.evaluate(request);
			part(parts, "gate decision in memory (" + request.cells().size() + " cells)", s, warm);
			s = System.nanoTime();
			gate.evaluate(request);
			part(parts, "gate decision with the JDBC ledger", s, warm);
		}
		parts.forEach((name, ms) -> {
			Collections.sort(ms);
			System.out.printf("BENCH needs breakdown by ROTATION, %s: median %.1f ms, p95 %.1f ms%n", name,
					ms.get(ms.size() / 2), ms.get((int) Math.ceil(ms.size() * 0.95) - 1));
		});
	}

	static final java.lang.management.ThreadMXBean THREADS = java.lang.management.ManagementFactory.getThreadMXBean();

	/** The 1-minute load average of the machine (Linux), or "?" elsewhere. */
	static String loadAverage() {
		try {
			return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/loadavg")).split(" ")[0];
		}
		catch (java.io.IOException | RuntimeException e) {
			return "?";
		}
	}

	private static void part(Map<String, List<Double>> parts, String name, long start, boolean keep) {
		double ms = (System.nanoTime() - start) / 1e6;
		if (keep) {
			parts.computeIfAbsent(name, k -> new ArrayList<>()).add(ms);
		}
	}

	/** The request {@code NeedsResults} sends for a map by rotation. */
	private static DisclosureRequest request(NeedsResults.Viewer viewer, String round, List<HeatMapQuery.Unit> all) {
		Map<String, List<HeatMapQuery.Unit>> groups = new java.util.LinkedHashMap<>();
		for (HeatMapQuery.Unit u : all) {
			if (u.rotationId() != null) {
				groups.computeIfAbsent(u.rotationId().toString(), k -> new ArrayList<>()).add(u);
			}
		}
		List<CellRequest> cells = new ArrayList<>();
		for (StressorDomain d : StressorDomain.values()) {
			String top = d.column() + "|all";
			cells.add(new CellRequest(top, null, 0, List.of(), contributions(d, all)));
			groups.forEach((k, list) -> cells
				.add(new CellRequest(d.column() + "|" + k, top, 1, List.of("rotation"), contributions(d, list))));
		}
		return new DisclosureRequest(viewer.person(), viewer.role(), round, "needs.stressors", MeasureType.NUMERIC,
				DisclosurePolicy.defaults(), cells);
	}

	private static List<Contribution> contributions(StressorDomain d, List<HeatMapQuery.Unit> units) {
		return units.stream()
			.map(u -> Contribution.aggregate(u.key(), u.count(), u.sums().get(d)[0], u.sums().get(d)[1], 0))
			.toList();
	}

}
