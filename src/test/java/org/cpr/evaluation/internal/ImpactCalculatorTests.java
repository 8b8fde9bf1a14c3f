package org.cpr.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.ReleaseLedger;
import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.EvaluationConsent;
import org.cpr.evaluation.ImpactRow;
import org.cpr.evaluation.ImpactTable;
import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.evaluation.OutcomeMeasures;
import org.cpr.evaluation.OutcomeMeasures.Measurement;
import org.cpr.evaluation.Viewer;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * Relative impact from scores to released rows, with a real gate on an in-memory ledger.
 */
class ImpactCalculatorTests {

	static final AcademicYear YEAR = new AcademicYear(2025);
	static final OrgUnitId PROGRAM = new OrgUnitId(UUID.randomUUID());

	final List<PersonSummary> people = new ArrayList<>();

	final List<Measurement> scores = new ArrayList<>();

	final Map<InterventionType, Set<PersonId>> took = new java.util.EnumMap<>(InterventionType.class);

	final Set<PersonId> declined = new HashSet<>();

	final SplittableRandom random = new SplittableRandom(7);

	PersonId person(double first, double change) {
		PersonId id = new PersonId(UUID.randomUUID());
		people.add(new PersonSummary(id, "u" + people.size(), "P", "p@x", TraineeType.RESIDENT, "PGY1", PROGRAM, null,
				true));
		double noise = random.nextDouble(-2, 2);
		scores.add(new Measurement(id, "who-5", LocalDate.of(2025, 8, 1), first));
		scores.add(new Measurement(id, "who-5", LocalDate.of(2026, 3, 1), first + change + noise));
		return id;
	}

	ImpactTable run() {
		IdentityManagement identity = mock(IdentityManagement.class);
		when(identity.audience(any(), any(), any())).thenReturn(people);
		EvaluationConsent consent = mock(EvaluationConsent.class);
		when(consent.consenting(any())).thenAnswer(a -> people.stream()
			.map(PersonSummary::id)
			.filter(p -> !declined.contains(p))
			.collect(Collectors.toSet()));
		when(consent.current(any())).thenReturn(Optional.empty());
		List<InterventionReach> sources = new ArrayList<>();
		took.forEach((type, who) -> sources.add(new InterventionReach() {
			public InterventionType type() {
				return type;
			}

			public Reach reach(LocalDate from, LocalDate to) {
				return new Reach.Participants(who);
			}
		}));
		OutcomeMeasures measures = new OutcomeMeasures() {
			public List<Measurement> measurements(Set<String> instruments, Set<PersonId> who, LocalDate from,
					LocalDate to) {
				return scores.stream().filter(m -> who.contains(m.person())).toList();
			}

			public void forEach(Set<String> instruments, LocalDate from, LocalDate to,
					java.util.function.Consumer<Measurement> each) {
				scores.forEach(each);
			}
		};
		DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), new SplittableRandom(1), entry -> {
		});
		ImpactCalculator calculator = new ImpactCalculator(new ReachSources(sources), List.of(measures), consent,
				identity, gate, (purpose, value) -> Integer.toHexString(value.hashCode()) + "0".repeat(64), List.of(),
				List.of());
		return calculator.impact(YEAR,
				new Viewer(new PersonId(UUID.randomUUID()), Role.PROGRAM_DIRECTOR, Set.of(PROGRAM)));
	}

	ImpactRow row(ImpactTable table, InterventionType type) {
		return table.rows()
			.stream()
			.filter(r -> r.type() == type && r.instrument().id().equals("who-5"))
			.findFirst()
			.orElseThrow();
	}

	@Test
	void participantsWhoImprovedMoreThanOthersShowAPositiveDifferenceInDifferences() {
		Set<PersonId> course = new HashSet<>();
		for (int i = 0; i < 25; i++) {
			course.add(person(50, 8));
			person(50, 0);
		}
		took.put(InterventionType.COURSE, course);
		ImpactRow row = row(run(), InterventionType.COURSE);
		assertThat(row.participants().value()).isEqualTo(25);
		assertThat(row.comparison().value()).isEqualTo(25);
		assertThat(row.method()).isEqualTo("did");
		assertThat(row.versusComparison().g()).isGreaterThan(1);
		assertThat(row.versusComparison().excludesZero()).isTrue();
		assertThat(row.change().g()).isGreaterThan(1);
		assertThat(row.cautions()).isEmpty();
	}

	@Test
	void aRowOfFewerThanFiveHasNoEstimateAndItsComplementCannotBeSubtracted() {
		Set<PersonId> course = new HashSet<>();
		Set<PersonId> retreat = new HashSet<>();
		for (int i = 0; i < 20; i++) {
			PersonId p = person(50, 6);
			course.add(p);
			if (i < 3) {
				retreat.add(p);
			}
			person(50, 0);
		}
		took.put(InterventionType.COURSE, course);
		took.put(InterventionType.RETREAT, retreat);
		ImpactTable table = run();
		ImpactRow retreats = row(table, InterventionType.RETREAT);
		assertThat(retreats.participants().shown()).isFalse();
		assertThat(retreats.participants().messageKey()).isEqualTo("disclosure.suppressed.too-few-responses");
		// the 37 who did not go on the retreat, less the 20 course participants and the
		// 20 others, would isolate the 3
		assertThat(retreats.comparison().shown()).isFalse();
		assertThat(retreats.comparison().messageKey()).startsWith("disclosure.suppressed.protects-another-group");
		assertThat(retreats.headline()).isNull();
		assertThat(retreats.cautions()).contains("evaluation.caution.notReleased");
		assertThat(row(table, InterventionType.COURSE).participants().value()).isEqualTo(20);
	}

	@Test
	void peopleWhoDidNotConsentAreLeftOut() {
		Set<PersonId> course = new HashSet<>();
		for (int i = 0; i < 24; i++) {
			PersonId p = person(50, 5);
			course.add(p);
			if (i < 4) {
				declined.add(p);
			}
			person(50, 0);
		}
		took.put(InterventionType.COURSE, course);
		assertThat(row(run(), InterventionType.COURSE).participants().value()).isEqualTo(20);
	}

	@Test
	void smallGroupsAndDifferentStartingPointsCarryPlainCautions() {
		Set<PersonId> course = new HashSet<>();
		for (int i = 0; i < 8; i++) {
			course.add(person(30, 5));
		}
		for (int i = 0; i < 30; i++) {
			person(60 + (i % 5), 0);
		}
		took.put(InterventionType.COURSE, course);
		ImpactRow row = row(run(), InterventionType.COURSE);
		assertThat(row.participants().value()).isEqualTo(8);
		assertThat(row.cautions()).contains("evaluation.caution.smallN", "evaluation.caution.baseline");
		assertThat(row.baselineGap()).isLessThan(-0.25);
	}

	@Test
	void scoresTakenLessThanFourWeeksApartAreNotAChange() {
		PersonId id = new PersonId(UUID.randomUUID());
		List<Measurement> close = List.of(new Measurement(id, "who-5", LocalDate.of(2025, 9, 1), 40),
				new Measurement(id, "who-5", LocalDate.of(2025, 9, 20), 60));
		assertThat(ImpactCalculator.prePost(close, "who-5", Set.of(id))).isEmpty();
		List<Measurement> apart = List.of(new Measurement(id, "who-5", LocalDate.of(2025, 9, 1), 40),
				new Measurement(id, "who-5", LocalDate.of(2025, 12, 1), 52),
				new Measurement(id, "who-5", LocalDate.of(2025, 10, 1), 99));
		assertThat(ImpactCalculator.prePost(apart, "who-5", Set.of(id)).get(id).change()).isEqualTo(12);
	}

}
