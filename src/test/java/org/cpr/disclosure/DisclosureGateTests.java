package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.stream.IntStream;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;

class DisclosureGateTests {

	final List<AuditEntry> audited = new ArrayList<>();

	final DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), new Random(3), audited::add);

	final PersonId director = new PersonId(UUID.randomUUID());

	@Test
	void aGroupOfFourIsHiddenAsFewerThanFiveAndRollsUpIntoItsParent() {
		List<CellResult> results = evaluate(MeasureType.NUMERIC, cell("program", null, 0, range(0, 12)),
				cell("team-a", "program", 1, range(0, 8)), cell("team-b", "program", 1, range(8, 12)));

		assertThat(results.get(0)).isInstanceOf(Released.class);
		Suppressed small = (Suppressed) results.get(2);
		assertThat(small.reason()).isEqualTo(SuppressionReason.TOO_FEW_RESPONSES);
		assertThat(small.messageArguments()).containsExactly(5, 0);
		assertThat(small.rolledUpTo()).isEqualTo("program");
		Suppressed sibling = (Suppressed) results.get(1);
		assertThat(sibling.reason()).as("program minus team A would reveal team B")
			.isEqualTo(SuppressionReason.PROTECTS_ANOTHER_GROUP);
	}

	@Test
	void theGateComputesTheMeanDeviationAndDistributionItself() {
		List<CellResult> results = evaluate(MeasureType.NUMERIC, new CellRequest("all", null, 0, List.of(),
				List.of(value("a", 1), value("b", 2), value("c", 3), value("d", 4), value("e", 5))));

		Released released = (Released) results.getFirst();
		Statistic.NumericSummary summary = (Statistic.NumericSummary) released.statistic();
		assertThat(released.respondents()).isEqualTo(5);
		assertThat(summary.mean()).isEqualTo(3.0);
		assertThat(summary.standardDeviation()).isCloseTo(1.5811, org.assertj.core.data.Offset.offset(1e-4));
		assertThat(summary.distribution()).containsEntry(1.0, 1L).hasSize(5);
	}

	@Test
	void aLaterQueryCannotBeSubtractedFromAnEarlierOne() {
		assertThat(evaluate(MeasureType.NUMERIC, cell("whole team", null, 0, range(0, 9))).getFirst().released())
			.isTrue();

		CellResult later = evaluate(MeasureType.NUMERIC, cell("team without night float", null, 0, range(0, 7)))
			.getFirst();

		assertThat(later).isInstanceOfSatisfying(Suppressed.class,
				s -> assertThat(s.reason()).isEqualTo(SuppressionReason.PROTECTS_ANOTHER_GROUP));
		assertThat(evaluate(MeasureType.NUMERIC, cell("whole team again", null, 0, range(0, 9))).getFirst().released())
			.as("asking the same thing again is fine")
			.isTrue();
	}

	@Test
	void positiveScreenCountsShowOnlyZeroOrElevenAndNeverEveryone() {
		assertThat(screen(30, 0).released()).isTrue();
		assertThat(screen(30, 11).released()).isTrue();
		assertThat(((Suppressed) screen(30, 10)).reason()).isEqualTo(SuppressionReason.SCREEN_COUNT_PROTECTED);
		assertThat(((Suppressed) screen(30, 1)).reason()).isEqualTo(SuppressionReason.SCREEN_COUNT_PROTECTED);
		assertThat(((Suppressed) screen(12, 12)).reason()).as("all positive")
			.isEqualTo(SuppressionReason.SCREEN_COUNT_PROTECTED);
		Statistic.ScreenCount count = (Statistic.ScreenCount) ((Released) screen(44, 11)).statistic();
		assertThat(count.percentage()).isEqualTo(25.0);
	}

	@Test
	void commentsNeedTenRespondentsOneAttributeAtMostAndComeShuffled() {
		List<Contribution> ten = IntStream.range(0, 10)
			.mapToObj(i -> Contribution.comment("r" + i, "comment " + i))
			.toList();
		List<CellResult> results = evaluate(MeasureType.COMMENTS, new CellRequest("program", null, 0, List.of(), ten),
				new CellRequest("nine", null, 0, List.of(), ten.subList(0, 9)),
				new CellRequest("by pgy and site", null, 2, List.of("pgy", "site"), ten));

		List<String> comments = ((Statistic.CommentList) ((Released) results.get(0)).statistic()).comments();
		assertThat(comments).containsExactlyInAnyOrderElementsOf(ten.stream().map(Contribution::comment).toList())
			.isNotEqualTo(ten.stream().map(Contribution::comment).toList());
		assertThat(((Suppressed) results.get(1)).reason()).isEqualTo(SuppressionReason.TOO_FEW_FOR_COMMENTS);
		assertThat(((Suppressed) results.get(1)).messageArguments()).containsExactly(10, 0);
		assertThat(((Suppressed) results.get(2)).reason()).isEqualTo(SuppressionReason.COMMENTS_NOT_BY_SUBGROUP);
	}

	@Test
	void thresholdsCanOnlyGoUpAndARoundsPolicyCannotBeWeakenedAfterLaunch() {
		assertThatThrownBy(() -> new DisclosurePolicy(4, 10, 11)).isInstanceOf(PolicyWeakeningRejected.class);
		DisclosurePolicy strict = DisclosurePolicy.defaults().strengthen(8, 20, 11);
		assertThatThrownBy(() -> strict.strengthen(7, 20, 11)).isInstanceOf(PolicyWeakeningRejected.class);

		gate.evaluate(new DisclosureRequest(director, Role.PROGRAM_DIRECTOR, "r1", "m", MeasureType.NUMERIC, strict,
				List.of(cell("seven", null, 0, range(0, 7)))));

		assertThatThrownBy(() -> evaluate(MeasureType.NUMERIC, cell("x", null, 0, range(0, 7))))
			.isInstanceOf(PolicyWeakeningRejected.class);
		assertThat(audited).singleElement().satisfies(entry -> {
			assertThat(entry.action()).isEqualTo("DISCLOSURE_POLICY_WEAKENING_REJECTED");
			assertThat(entry.outcome()).isEqualTo(AuditEntry.Outcome.DENIED);
		});
	}

	@Test
	void aProgramDirectorMayFilterByOneAttributeUnlessAPrivacyOfficerApprovedMore() {
		assertThat(FilterAttributePolicy.permits(Role.PROGRAM_DIRECTOR, 1, false)).isTrue();
		assertThat(FilterAttributePolicy.permits(Role.PROGRAM_DIRECTOR, 2, false)).isFalse();
		assertThat(FilterAttributePolicy.permits(Role.PROGRAM_DIRECTOR, 2, true)).isTrue();
		CellResult twoFilters = evaluate(MeasureType.NUMERIC,
				new CellRequest("pgy1-siteA", null, 2, List.of("pgy", "site"), values(range(0, 20))))
			.getFirst();
		assertThat(((Suppressed) twoFilters).reason()).isEqualTo(SuppressionReason.TOO_MANY_FILTERS);
	}

	@Test
	void consecutiveRoundsDifferingByOneToFourPeopleAreNotBothShown() {
		Set<String> spring = Set.of("p1", "p2", "p3", "p4", "p5", "p6");
		for (int joiners = 1; joiners <= 4; joiners++) {
			Set<String> autumn = new java.util.HashSet<>(spring);
			IntStream.range(0, joiners).forEach(i -> autumn.add("new" + i));
			assertThat(LongitudinalCheck.compare(spring, autumn, DisclosurePolicy.defaults()))
				.isEqualTo(LongitudinalCheck.Outcome.EARLIER_ONLY);
		}
		assertThat(LongitudinalCheck.compare(spring, Set.of("p1", "p2", "p3", "p4", "p5", "p7"),
				DisclosurePolicy.defaults()))
			.as("a resident moved teams: one left, one joined")
			.isEqualTo(LongitudinalCheck.Outcome.EARLIER_ONLY);
		assertThat(LongitudinalCheck.compare(spring, spring, DisclosurePolicy.defaults()))
			.isEqualTo(LongitudinalCheck.Outcome.BOTH);
	}

	@Test
	void preAggregatedBaseCellsFollowTheSameRules() {
		Contribution small = Contribution.aggregate("pgy=1|site=B", 3, 12, 50, 0);
		Contribution large = Contribution.aggregate("pgy=1|site=A", 40, 130, 450, 0);
		List<CellResult> results = evaluate(MeasureType.NUMERIC,
				new CellRequest("pgy1", null, 0, List.of("pgy"), List.of(small, large)),
				new CellRequest("pgy1-siteA", "pgy1", 1, List.of("pgy"), List.of(large)));

		assertThat(((Statistic.NumericSummary) ((Released) results.get(0)).statistic()).mean()).isCloseTo(142.0 / 43,
				org.assertj.core.data.Offset.offset(1e-9));
		assertThat(results.get(1).released()).as("pgy1 minus site A would isolate 3 people").isFalse();
	}

	private CellResult screen(int n, int positives) {
		List<Contribution> list = IntStream.range(0, n)
			.mapToObj(i -> Contribution.screen(UUID.randomUUID().toString(), i < positives))
			.toList();
		return new DisclosureGate(ReleaseLedger.inMemory(), new Random(1), e -> {
		}).evaluate(new DisclosureRequest(director, Role.PROGRAM_DIRECTOR, "r", "phq9", MeasureType.POSITIVE_SCREEN,
				DisclosurePolicy.defaults(), List.of(new CellRequest("c", null, 0, List.of(), list))))
			.getFirst();
	}

	private List<CellResult> evaluate(MeasureType type, CellRequest... cells) {
		return gate.evaluate(new DisclosureRequest(director, Role.PROGRAM_DIRECTOR, "r1", "m", type,
				DisclosurePolicy.defaults(), List.of(cells)));
	}

	private static CellRequest cell(String key, String parent, int depth, int[] respondents) {
		return new CellRequest(key, parent, depth, List.of(), values(respondents));
	}

	private static List<Contribution> values(int[] respondents) {
		return IntStream.of(respondents).mapToObj(i -> value("resp-" + i, 1 + i % 5)).toList();
	}

	private static Contribution value(String respondent, double value) {
		return Contribution.value(respondent, value);
	}

	private static int[] range(int from, int to) {
		return IntStream.range(from, to).toArray();
	}

}
