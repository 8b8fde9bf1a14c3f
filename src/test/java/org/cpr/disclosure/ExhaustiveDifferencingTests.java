package org.cpr.disclosure;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;

/**
 * T1: a fixed synthetic 30-resident program (PGY × site × gender × track; the program and
 * its three mentoring teams as hierarchy levels). Every filter combination at every
 * level, for every measure type, goes through the gate for one principal; then every pair
 * of released aggregates is checked.
 */
class ExhaustiveDifferencingTests {

	record Candidate(CellRequest cell, BitSet members, MeasureType type) {
	}

	final SyntheticProgram program = new SyntheticProgram(30, new int[] { 3, 3, 2, 2 }, 1, 3, 0.45, new Random(30));

	@Test
	void everyPairOfReleasedAggregatesDiffersByZeroOrAtLeastFive_oneQueryPerCellInRandomOrder() {
		List<Candidate> candidates = allCandidates();
		Collections.shuffle(candidates, new Random(7));
		DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), new Random(1), entry -> {
		});
		PersonId principal = new PersonId(UUID.randomUUID());
		long start = System.nanoTime();
		ReleaseAuditor auditor = new ReleaseAuditor(program.people);
		for (Candidate candidate : candidates) {
			List<CellResult> result = gate
				.evaluate(request(principal, Role.RESEARCHER, true, candidate.type(), List.of(candidate.cell())));
			record(auditor, candidate, result.getFirst());
		}
		String violation = auditor.violation(program.positive);
		report("one query per cell, researcher with 4 attributes", candidates.size(), auditor, start);
		assertThat(violation).isNull();
		assertThat(auditor.size()).isPositive();
	}

	@Test
	void everyPairOfReleasedAggregatesDiffersByZeroOrAtLeastFive_wholeDashboardPerMeasure() {
		List<Candidate> candidates = allCandidates();
		DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), new Random(1), entry -> {
		});
		PersonId principal = new PersonId(UUID.randomUUID());
		long start = System.nanoTime();
		ReleaseAuditor auditor = new ReleaseAuditor(program.people);
		for (MeasureType type : MeasureType.values()) {
			List<Candidate> ofType = candidates.stream().filter(c -> c.type() == type).toList();
			List<CellResult> results = gate.evaluate(
					request(principal, Role.RESEARCHER, true, type, ofType.stream().map(Candidate::cell).toList()));
			for (int i = 0; i < results.size(); i++) {
				record(auditor, ofType.get(i), results.get(i));
			}
		}
		String violation = auditor.violation(program.positive);
		report("one dashboard per measure, top-down", candidates.size(), auditor, start);
		assertThat(violation).isNull();
		assertThat(auditor.size()).as("the whole-program figures are shown").isGreaterThanOrEqualTo(2);
	}

	@Test
	void aProgramDirectorGetsNoCellFilteredByTwoAttributes() {
		DisclosureGate gate = new DisclosureGate(ReleaseLedger.inMemory(), new Random(1), entry -> {
		});
		List<Candidate> twoAttributes = allCandidates().stream()
			.filter(c -> c.type() == MeasureType.NUMERIC && c.cell().filterAttributes().size() == 2)
			.toList();
		List<CellResult> results = gate.evaluate(request(new PersonId(UUID.randomUUID()), Role.PROGRAM_DIRECTOR, false,
				MeasureType.NUMERIC, twoAttributes.stream().map(Candidate::cell).toList()));
		assertThat(results).allSatisfy(r -> assertThat(r).isInstanceOfSatisfying(Suppressed.class,
				s -> assertThat(s.reason()).isEqualTo(SuppressionReason.TOO_MANY_FILTERS)));
	}

	private void record(ReleaseAuditor auditor, Candidate candidate, CellResult result) {
		if (result instanceof Released released) {
			long positives = released.statistic() instanceof Statistic.ScreenCount s ? s.positives() : 0;
			auditor.add("item", candidate.type(), candidate.members(), positives,
					candidate.cell().filterAttributes().size());
		}
	}

	private static DisclosureRequest request(PersonId principal, Role role, boolean approved, MeasureType type,
			List<CellRequest> cells) {
		return new DisclosureRequest(principal, role, "round-t1", "item", type, DisclosurePolicy.defaults(), cells,
				approved);
	}

	private List<Candidate> allCandidates() {
		List<Candidate> candidates = new ArrayList<>();
		for (MeasureType type : MeasureType.values()) {
			for (int node = 0; node < program.nodes.size(); node++) {
				for (int[] filter : allFilters(0, new int[] { -1, -1, -1, -1 })) {
					BitSet members = program.members(node, filter);
					List<String> attributes = SyntheticProgram.filterAttributes(filter);
					CellRequest cell = new CellRequest(SyntheticProgram.cellKey(node, filter),
							SyntheticProgram.parentKey(program, node, filter),
							program.nodeDepth.get(node) + attributes.size(), attributes,
							program.contributions(members, type));
					candidates.add(new Candidate(cell, members, type));
				}
			}
		}
		return candidates;
	}

	private List<int[]> allFilters(int attribute, int[] prefix) {
		if (attribute == prefix.length) {
			return List.of(prefix.clone());
		}
		List<int[]> filters = new ArrayList<>();
		for (int value = -1; value < program.domain[attribute]; value++) {
			prefix[attribute] = value;
			filters.addAll(allFilters(attribute + 1, prefix));
		}
		prefix[attribute] = -1;
		return filters;
	}

	private static void report(String scenario, int candidates, ReleaseAuditor auditor, long start) {
		System.out.printf("T1 (%s): %d candidate aggregates, %d released, %d pairs checked, %.0f ms%n", scenario,
				candidates, auditor.size(), auditor.pairsChecked(), (System.nanoTime() - start) / 1e6);
	}

}
