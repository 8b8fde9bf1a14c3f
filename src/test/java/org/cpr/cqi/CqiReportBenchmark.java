package org.cpr.cqi;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Times the per-hospital CQI report's page model over 100,000 speak-up reports on
 * PostgreSQL. Measures and prints; never fails on time. Run explicitly:
 * {@code CPR_TEST_DB_URL=... ./mvnw -o test -Dtest=CqiReportBenchmark}.
 */
@Tag("benchmark")
@SpringBootTest
@PostgresTest
@Import(MutableClockConfiguration.class)
class CqiReportBenchmark {

	static final int REPORTS = 100_000;
	static final int RUNS = 20;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	HospitalReports reports;

	@Autowired
	ImprovementRegister register;

	@Autowired
	CqiEvidence evidence;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Test
	void perHospitalReportOverOneHundredThousandReports() {
		OrgUnitId uh = hospital("UH");
		OrgUnitId ch = hospital("CH");
		jdbc.sql("DELETE FROM cqi_report WHERE body LIKE 'bench:%'").update();
		// 100,000 reports over two quarters, 9 categories, 70 % at University Hospital,
		// with next-Monday batches
		jdbc.sql(
				"""
						INSERT INTO cqi_report (id, channel, privacy_mode, hospital_id, category, body, submitted_on, reviewable_from, status)
						SELECT gen_random_uuid(), 'SYSTEMIC', 'ANONYMOUS', CASE WHEN g % 10 < 7 THEN ? ELSE ? END,
						       (ARRAY['STAFFING','WORKFLOW','EHR','SUPERVISION','PATIENT_SAFETY','SCHEDULING','FACILITIES','MISTREATMENT','OTHER'])[1 + (g * 7919) % 9],
						       'bench: report ' || g, d, d + (8 - EXTRACT(ISODOW FROM d))::int, 'RECEIVED'
						FROM (SELECT g, DATE '2025-10-01' + ((g * 2654435761) % 166)::int AS d FROM generate_series(1, ?) AS g) s""")
			.params(uh.value(), ch.value(), REPORTS)
			.update();
		jdbc.sql("VACUUM ANALYZE cqi_report").update();
		clock.set(Instant.parse("2026-03-20T09:00:00Z"));
		PersonId facilitator = new PersonId(UUID.randomUUID());
		for (CqiCategory c : CqiCategory.values()) {
			UUID item = register.create(
					new ItemDraft("bench item " + c, "Problem", uh.value(), null, null, c, null, null), facilitator);
			evidence.addCount(item, uh, c, Quarter.parse("2026-Q1").orElseThrow(), facilitator);
			UUID quote = evidence.addQuote(item, "A released quote about " + c, facilitator);
			evidence.releaseQuote(item, quote, facilitator);
		}
		CqiViewer director = new CqiViewer(new PersonId(UUID.randomUUID()), Role.PROGRAM_DIRECTOR);
		HospitalReport first = reports.build(uh, director).orElseThrow();
		System.out
			.println("CQI report benchmark: total this quarter " + first.thisQuarter().total().cell() + ", previous "
					+ first.previousQuarter().total().cell() + ", evidence lines " + first.evidence().size());
		for (int i = 0; i < 3; i++) {
			reports.build(uh, director);
		}
		List<Double> millis = new ArrayList<>();
		for (int i = 0; i < RUNS; i++) {
			long start = System.nanoTime();
			reports.build(uh, director).orElseThrow();
			millis.add((System.nanoTime() - start) / 1e6);
		}
		millis.sort(Double::compare);
		System.out.printf("CQI report benchmark: %d reports, %d runs: median %.1f ms, p95 %.1f ms, max %.1f ms%n",
				REPORTS, RUNS, millis.get(RUNS / 2), millis.get((int) Math.ceil(RUNS * 0.95) - 1),
				millis.get(RUNS - 1));
		jdbc.sql("EXPLAIN ANALYZE SELECT category, reviewable_from, COUNT(*) FROM cqi_report WHERE hospital_id IN (?) "
				+ "AND submitted_on >= DATE '2026-01-01' AND submitted_on < DATE '2026-04-01' AND reviewable_from <= DATE '2026-03-20' "
				+ "GROUP BY category, reviewable_from")
			.param(uh.value())
			.query(String.class)
			.list()
			.forEach(System.out::println);
	}

	OrgUnitId hospital(String code) {
		return identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL)
			.stream()
			.filter(h -> h.code().equals(code))
			.findFirst()
			.orElseThrow()
			.id();
	}

}
