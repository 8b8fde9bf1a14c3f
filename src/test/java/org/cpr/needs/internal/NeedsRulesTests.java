package org.cpr.needs.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cpr.needs.Rotation;
import org.cpr.needs.Setting;
import org.cpr.needs.StressorDomain;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;

/**
 * The needs module's rules without Spring: CSV reading, coarsening below k, scoring, the
 * tip scrub.
 */
class NeedsRulesTests {

	static final Rotation MICU = new Rotation(UUID.randomUUID(), "Medical ICU", "UH", "University Hospital",
			"Internal Medicine", Setting.ICU, null);
	static final Rotation WARDS = new Rotation(UUID.randomUUID(), "Wards", "UH", "University Hospital",
			"Internal Medicine", Setting.INPATIENT, null);
	static final Rotation NIGHTS = new Rotation(UUID.randomUUID(), "Night Float", "UH", "University Hospital",
			"Internal Medicine", Setting.NIGHTS, null);
	static final Rotation PICU = new Rotation(UUID.randomUUID(), "PICU", "CH", "Children's Hospital", "Pediatrics",
			Setting.ICU, null);

	@Test
	void aScheduleExportIsReadWithHospitalForSiteAndUsDates() {
		var parsed = ScheduleCsv.parse("\uFEFFPerson,Rotation,Service,Hospital,Start,End\n"
				+ "a@x.org,Medical ICU,MICU A,UH,7/1/2026,7/28/2026\n\n"
				+ "b,Wards,,University Hospital,2026-07-29,2026-08-25\n");
		assertThat(parsed.fileProblem()).isNull();
		assertThat(parsed.lines()).hasSize(2);
		assertThat(parsed.lines().get(0).site()).isEqualTo("UH");
		assertThat(ScheduleCsv.date(parsed.lines().get(0).start())).isEqualTo(LocalDate.of(2026, 7, 1));
		assertThat(ScheduleCsv.date("31/31/2026")).isNull();
	}

	@Test
	void aFileWithoutAnEndColumnIsRefusedAsAWhole() {
		var parsed = ScheduleCsv.parse("person,rotation,service,site,start\na,b,c,d,2026-07-01\n");
		assertThat(parsed.fileProblem()).isEqualTo("needs.schedule.file.missingColumn");
		assertThat(parsed.argument()).isEqualTo("end");
		assertThat(ScheduleCsv.parse("  ").fileProblem()).isEqualTo("needs.schedule.file.empty");
	}

	@Test
	void rotationsSharedByAtLeastKInviteesKeepTheirNameAndRarerOnesAreCoarsened() {
		Map<PersonId, Rotation> cohort = new LinkedHashMap<>();
		add(cohort, MICU, 6);
		add(cohort, WARDS, 3);
		add(cohort, NIGHTS, 2);
		add(cohort, PICU, 1);
		Map<PersonId, Coarsening.Attributes> out = Coarsening.of(cohort, 5);
		Map<Coarsening.Attributes, Integer> sizes = new HashMap<>();
		out.values().forEach(a -> sizes.merge(a, 1, Integer::sum));
		assertThat(sizes.get(new Coarsening.Attributes("UH", "rot:" + MICU.id()))).isEqualTo(6);
		// Wards (3) and Night Float (2) are each too rare: together they share "Internal
		// Medicine at UH".
		assertThat(sizes.get(new Coarsening.Attributes("UH", "spec:Internal Medicine"))).isEqualTo(5);
		// The single PICU trainee carries nothing at all.
		assertThat(sizes.get(new Coarsening.Attributes(null, null))).isEqualTo(1);
		sizes.forEach((a, n) -> {
			if (a.rotation() != null || a.hospital() != null) {
				assertThat(n).as("stored combination %s", a).isGreaterThanOrEqualTo(5);
			}
		});
	}

	@Test
	void aSmallLeftoverGroupIsCoarsenedFurtherInsteadOfStoredAtSpecialtyLevel() {
		Map<PersonId, Rotation> cohort = new LinkedHashMap<>();
		add(cohort, MICU, 5);
		add(cohort, WARDS, 2);
		Map<PersonId, Coarsening.Attributes> out = Coarsening.of(cohort, 5);
		assertThat(out.values()).filteredOn(a -> "spec:Internal Medicine".equals(a.rotation())).isEmpty();
		assertThat(out.values()).filteredOn(a -> a.rotation() == null).hasSize(2);
	}

	@Test
	void stressorItemsBecomeZeroToHundredAndTheAnchorsKeepTheirScales() {
		Map<String, Object> a = new HashMap<>();
		for (StressorDomain d : StressorDomain.values()) {
			d.items().forEach(i -> a.put(i, 3));
		}
		a.put("workload_1", 5);
		a.put("workload_2", "4");
		a.put("burnout", 4);
		Map<StressorDomain, Double> s = StressorScores.of(a);
		assertThat(s.get(StressorDomain.WORKLOAD)).isEqualTo(87.5);
		assertThat(s.get(StressorDomain.SLEEP)).isEqualTo(50.0);
		assertThat(s.get(StressorDomain.BURNOUT)).isEqualTo(4.0);
		assertThat(s.get(StressorDomain.WELLBEING)).isEqualTo(60.0);
		a.remove("ehr_1");
		assertThat(StressorScores.of(a)).doesNotContainKey(StressorDomain.EHR);
	}

	@Test
	void theScrubRemovesContactsDatesAndTitledNamesButKeepsTheAdvice() {
		String out = TipScrubber.scrub("Ask Dr. Jane Smith or mail jane.smith@uh.org; page 303-555-0142 on Tuesday, "
				+ "and before 14 March or 3/14 check the sepsis set. El 5 de mayo la Dra. Pérez ayuda.");
		assertThat(out).doesNotContain("Smith", "jane.smith", "0142", "Tuesday", "March", "3/14", "Pérez", "5 de mayo");
		assertThat(out).contains("[name]", "[email]", "[number]", "[date]", "check the sepsis set");
	}

	private static void add(Map<PersonId, Rotation> cohort, Rotation r, int n) {
		for (int i = 0; i < n; i++) {
			cohort.put(new PersonId(UUID.randomUUID()), r);
		}
	}

}
