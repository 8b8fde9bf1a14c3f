package org.cpr.peersupport.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.junit.jupiter.api.Test;

/** The matching rules without Spring: who may support whom, and who comes first. */
class SupporterMatcherTests {

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);
	static final OrgUnitId MEDICINE = unit();
	static final OrgUnitId SURGERY = unit();
	static final OrgUnitId EM = unit();
	static final OrgUnitId IM_PROGRAM = unit();

	static OrgUnitId unit() {
		return new OrgUnitId(UUID.randomUUID());
	}

	static PersonId person() {
		return new PersonId(UUID.randomUUID());
	}

	static MatchCandidate supporter(PersonId id, TraineeType type, OrgUnitId department, int load) {
		return new MatchCandidate(id, type, department, Set.of("en"), true, null, TODAY.plusYears(1), load, 3,
				Set.of());
	}

	static MatchSeeker resident(PersonId id, String language, Set<PersonId> sameEvent) {
		return new MatchSeeker(id, TraineeType.RESIDENT, MEDICINE, Set.of(IM_PROGRAM, MEDICINE), language, sameEvent);
	}

	@Test
	void aResidentGetsAResidentFromAnotherDepartmentBeforeANurseOrSomeoneFromTheirOwnDepartment() {
		PersonId colleagueSameDept = person();
		PersonId nurse = person();
		PersonId surgeon = person();
		var proposal = SupporterMatcher.propose(resident(person(), null, Set.of()),
				List.of(supporter(colleagueSameDept, TraineeType.RESIDENT, MEDICINE, 0),
						supporter(nurse, TraineeType.NURSE, EM, 0),
						supporter(surgeon, TraineeType.RESIDENT, SURGERY, 2)),
				TODAY)
			.orElseThrow();
		assertThat(proposal.supporter()).isEqualTo(surgeon);
		assertThat(proposal.reasons()).contains("peer.match.sameProfession", "peer.match.otherDepartment",
				"peer.match.notInLine");
	}

	@Test
	void anAttendingListedAsTheSeekersEvaluatorIsNeverProposed() {
		PersonId seeker = person();
		PersonId evaluator = person();
		PersonId other = person();
		MatchSeeker listed = new MatchSeeker(seeker, TraineeType.RESIDENT, MEDICINE, Set.of(IM_PROGRAM, MEDICINE), null,
				Set.of(), Set.of(evaluator));
		var candidates = List.of(supporter(evaluator, TraineeType.RESIDENT, SURGERY, 0),
				supporter(other, TraineeType.RESIDENT, EM, 2));
		assertThat(SupporterMatcher.propose(listed, candidates, TODAY).orElseThrow().supporter()).isEqualTo(other);
		assertThat(SupporterMatcher.ranked(listed, candidates, TODAY)).extracting(MatchCandidate::person)
			.containsExactly(other);
		assertThat(
				SupporterMatcher.propose(resident(seeker, null, Set.of()), candidates, TODAY).orElseThrow().supporter())
			.isEqualTo(evaluator);
	}

	@Test
	void aFellowIsASimilarProfessionAndBeatsAPharmacist() {
		PersonId fellow = person();
		var proposal = SupporterMatcher.propose(resident(person(), null, Set.of()),
				List.of(supporter(person(), TraineeType.PHARMACIST, SURGERY, 0),
						supporter(fellow, TraineeType.FELLOW, SURGERY, 2)),
				TODAY)
			.orElseThrow();
		assertThat(proposal.supporter()).isEqualTo(fellow);
		assertThat(proposal.reasons()).contains("peer.match.similarProfession");
	}

	@Test
	void amongEqualFitsTheLowestLoadWinsAndALanguageMatchComesBeforeLoad() {
		PersonId busy = person();
		PersonId free = person();
		assertThat(SupporterMatcher.propose(resident(person(), null, Set.of()),
				List.of(supporter(busy, TraineeType.RESIDENT, SURGERY, 2),
						supporter(free, TraineeType.RESIDENT, EM, 0)),
				TODAY)
			.orElseThrow()
			.supporter()).isEqualTo(free);
		PersonId spanish = person();
		MatchCandidate speaksSpanish = new MatchCandidate(spanish, TraineeType.RESIDENT, SURGERY, Set.of("en", "es"),
				true, null, TODAY.plusYears(1), 2, 3, Set.of());
		var proposal = SupporterMatcher
			.propose(resident(person(), "es", Set.of()),
					List.of(supporter(free, TraineeType.RESIDENT, EM, 0), speaksSpanish), TODAY)
			.orElseThrow();
		assertThat(proposal.supporter()).isEqualTo(spanish);
		assertThat(proposal.reasons()).contains("peer.match.language");
	}

	@Test
	void nobodyWhoIsPausedUntrainedFullInvolvedInTheEventOrLeadsTheProgramIsProposed() {
		PersonId seeker = person();
		PersonId involved = person();
		List<MatchCandidate> all = List.of(
				new MatchCandidate(person(), TraineeType.RESIDENT, SURGERY, Set.of("en"), true, TODAY.plusDays(3),
						TODAY.plusYears(1), 0, 3, Set.of()),
				new MatchCandidate(person(), TraineeType.RESIDENT, SURGERY, Set.of("en"), true, null,
						TODAY.minusDays(1), 0, 3, Set.of()),
				new MatchCandidate(person(), TraineeType.RESIDENT, SURGERY, Set.of("en"), true, null, null, 0, 3,
						Set.of()),
				new MatchCandidate(person(), TraineeType.RESIDENT, SURGERY, Set.of("en"), true, null,
						TODAY.plusYears(1), 3, 3, Set.of()),
				new MatchCandidate(person(), TraineeType.RESIDENT, SURGERY, Set.of("en"), false, null,
						TODAY.plusYears(1), 0, 3, Set.of()),
				new MatchCandidate(person(), TraineeType.FACULTY, SURGERY, Set.of("en"), true, null, TODAY.plusYears(1),
						0, 3, Set.of(IM_PROGRAM)),
				supporter(involved, TraineeType.RESIDENT, EM, 0), supporter(seeker, TraineeType.RESIDENT, EM, 0));
		assertThat(SupporterMatcher.propose(resident(seeker, null, Set.of(involved)), all, TODAY)).isEmpty();
		// the pause ends: the paused supporter is proposed again the day after
		assertThat(SupporterMatcher.propose(resident(seeker, null, Set.of(involved)), all, TODAY.plusDays(4)))
			.isPresent();
	}

	@Test
	void rankingListsEveryEligibleSupporterBestFirst() {
		PersonId a = person();
		PersonId b = person();
		PersonId c = person();
		var ranked = SupporterMatcher.ranked(
				resident(person(), null, Set.of()), List.of(supporter(a, TraineeType.NURSE, EM, 0),
						supporter(b, TraineeType.RESIDENT, EM, 1), supporter(c, TraineeType.RESIDENT, MEDICINE, 0)),
				TODAY);
		assertThat(ranked).extracting(MatchCandidate::person).containsExactly(b, a);
	}

}
