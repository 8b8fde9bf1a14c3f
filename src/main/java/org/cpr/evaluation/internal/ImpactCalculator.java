package org.cpr.evaluation.internal;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.CourseMeasures;
import org.cpr.evaluation.CourseOutcomeRow;
import org.cpr.evaluation.EvaluationConsent;
import org.cpr.evaluation.ImpactRow;
import org.cpr.evaluation.ImpactTable;
import org.cpr.evaluation.InterventionReach.Reach;
import org.cpr.evaluation.InterventionType;
import org.cpr.evaluation.OutcomeInstrument;
import org.cpr.evaluation.OfferingAttendance;
import org.cpr.evaluation.OutcomeMeasures;
import org.cpr.evaluation.OutcomeMeasures.Measurement;
import org.cpr.evaluation.Viewer;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Relative impact: for each instrument, consenting people in the viewer's scope with a
 * first and a last score at least {@link #MIN_DAYS_APART} days apart in the academic
 * year. Per intervention, participants' change scores and non-participants' change scores
 * go through the gate as one request per instrument (one release round), so the gate's
 * partition suppresses rows complementarily: no combination of released rows isolates
 * fewer than the threshold. Effects are computed only from what the gate released (mean,
 * SD, n).
 */
@Component
class ImpactCalculator {

	static final int MIN_DAYS_APART = 28;

	/** Below this many participants the page says the estimate is imprecise. */
	static final int SMALL_N = 20;

	/**
	 * What Works Clearinghouse: a baseline gap above 0.25 SD cannot be adjusted away by a
	 * simple comparison.
	 */
	static final double BASELINE_GAP = 0.25;

	private final ReachSources sources;

	private final List<OutcomeMeasures> measures;

	private final EvaluationConsent consent;

	private final IdentityManagement identity;

	private final DisclosureGate gate;

	private final KeyedHash hash;

	private final List<OfferingAttendance> offerings;

	private final List<CourseMeasures> courseMeasures;

	ImpactCalculator(ReachSources sources, List<OutcomeMeasures> measures, EvaluationConsent consent,
			IdentityManagement identity, DisclosureGate gate, KeyedHash hash, List<OfferingAttendance> offerings,
			List<CourseMeasures> courseMeasures) {
		this.offerings = List.copyOf(offerings);
		this.courseMeasures = List.copyOf(courseMeasures);
		this.sources = sources;
		this.measures = List.copyOf(measures);
		this.consent = consent;
		this.identity = identity;
		this.gate = gate;
		this.hash = hash;
	}

	/** A person's first and last score of the year. */
	record PrePost(PersonId person, double first, double last) {
		double change() {
			return last - first;
		}
	}

	ImpactTable impact(AcademicYear year, Viewer viewer) {
		Set<PersonId> scope = identity.audience(viewer.scope(), Set.of(), Set.of())
			.stream()
			.map(PersonSummary::id)
			.collect(Collectors.toSet());
		Set<PersonId> consenting = consent.consenting(scope);
		Map<InterventionType, Set<PersonId>> participants = new TreeMap<>();
		sources.of(year).forEach((type, reach) -> {
			if (reach instanceof Reach.Participants p) {
				participants.put(type, p.people());
			}
		});
		Set<String> ids = OutcomeInstrument.SNAPSHOT.stream().map(OutcomeInstrument::id).collect(Collectors.toSet());
		List<Measurement> all = new ArrayList<>();
		if (!consenting.isEmpty()) {
			measures.forEach(m -> all.addAll(m.measurements(ids, consenting, year.from(), year.toExclusive())));
		}
		List<OfferingAttendance.Offering> offered = new ArrayList<>();
		offerings.forEach(o -> offered.addAll(o.offerings(year.from(), year.toExclusive())));
		List<ImpactRow> rows = new ArrayList<>();
		for (OutcomeInstrument instrument : OutcomeInstrument.SNAPSHOT) {
			Map<PersonId, PrePost> prePost = prePost(all, instrument.id(), consenting);
			rows.addAll(rows(year, viewer, instrument, prePost, participants, offered));
		}
		return new ImpactTable(year, rows, !consenting.isEmpty(), courses(year, viewer));
	}

	/**
	 * Each offering's own pre/post measure and session ratings, as the survey engine's
	 * gate released them to the signed-in viewer (none without one).
	 */
	private List<CourseOutcomeRow> courses(AcademicYear year, Viewer viewer) {
		if (viewer.user() == null) {
			return List.of();
		}
		List<CourseMeasures.CourseMeasure> found = new ArrayList<>();
		courseMeasures.forEach(c -> found.addAll(c.measures(year.from(), year.toExclusive(), viewer.user())));
		return CourseOutcomes.rows(found);
	}

	static Map<PersonId, PrePost> prePost(List<Measurement> all, String instrument, Set<PersonId> consenting) {
		Map<PersonId, List<Measurement>> byPerson = all.stream()
			.filter(m -> m.instrument().equals(instrument) && consenting.contains(m.person()))
			.collect(Collectors.groupingBy(Measurement::person));
		Map<PersonId, PrePost> result = new HashMap<>();
		byPerson.forEach((person, list) -> {
			list.sort(Comparator.comparing(Measurement::on));
			Measurement first = list.get(0);
			Measurement last = list.get(list.size() - 1);
			if (ChronoUnit.DAYS.between(first.on(), last.on()) >= MIN_DAYS_APART) {
				result.put(person, new PrePost(person, first.score(), last.score()));
			}
		});
		return result;
	}

	private List<ImpactRow> rows(AcademicYear year, Viewer viewer, OutcomeInstrument instrument,
			Map<PersonId, PrePost> prePost, Map<InterventionType, Set<PersonId>> participants,
			List<OfferingAttendance.Offering> offered) {
		String round = "evaluation:impact:" + year.startYear() + ":" + instrument.id();
		List<CellRequest> changes = new ArrayList<>();
		List<CellRequest> baselines = new ArrayList<>();
		participants.forEach((type, people) -> {
			List<PrePost> in = prePost.values().stream().filter(p -> people.contains(p.person())).toList();
			List<PrePost> out = prePost.values().stream().filter(p -> !people.contains(p.person())).toList();
			addCells(round, "t:" + type, 0, in, changes, baselines);
			addCells(round, "c:" + type, 1, out, changes, baselines);
		});
		// One offering's attendees, decided last in the same round: a row is released
		// only when no combination with the rows above isolates fewer than the threshold.
		List<OfferingAttendance.Offering> measured = new ArrayList<>();
		for (OfferingAttendance.Offering o : offered) {
			List<PrePost> in = prePost.values().stream().filter(p -> o.attendees().contains(p.person())).toList();
			if (in.size() >= DisclosurePolicy.defaults().minRespondents()) {
				measured.add(o);
				addCells(round, "o:" + o.id(), 2, in, changes, new ArrayList<>());
			}
		}
		Map<String, CellResult> change = decide(viewer, round, "change", changes);
		Map<String, CellResult> baseline = decide(viewer, round, "baseline",
				baselines.stream().filter(c -> change.get(c.cellKey()) instanceof Released).toList());
		List<ImpactRow> rows = new ArrayList<>();
		participants.keySet()
			.forEach(type -> rows.add(ImpactRows.row(type, instrument, change.get("t:" + type), change.get("c:" + type),
					baseline.get("t:" + type), baseline.get("c:" + type))));
		measured.stream()
			.sorted(Comparator.comparing(OfferingAttendance.Offering::title))
			.forEach(o -> rows
				.add(ImpactRows.row(InterventionType.COURSE, instrument, change.get("o:" + o.id()), null, null, null)
					.forOffering(o.title())));
		return rows;
	}

	/**
	 * Participants at depth 0, comparisons at depth 1: the gate releases participant rows
	 * first and drops a comparison that would split them.
	 */
	private void addCells(String round, String key, int depth, List<PrePost> people, List<CellRequest> changes,
			List<CellRequest> baselines) {
		if (people.isEmpty()) {
			return;
		}
		List<PrePost> sorted = people.stream().sorted(Comparator.comparing(p -> p.person().value())).toList();
		changes.add(new CellRequest(key, null, depth, List.of(),
				sorted.stream()
					.map(p -> Contribution.value(GateCells.unit(hash, round, p.person()), p.change()))
					.toList()));
		baselines.add(new CellRequest(key, null, depth, List.of(),
				sorted.stream()
					.map(p -> Contribution.value(GateCells.unit(hash, round, p.person()), p.first()))
					.toList()));
	}

	private Map<String, CellResult> decide(Viewer viewer, String round, String measure, List<CellRequest> cells) {
		Map<String, CellResult> results = new HashMap<>();
		if (!cells.isEmpty()) {
			gate.evaluate(new DisclosureRequest(viewer.person(), viewer.role(), round, measure, MeasureType.NUMERIC,
					DisclosurePolicy.defaults(), cells))
				.forEach(r -> results.put(r.cellKey(), r));
		}
		return results;
	}

	static Statistic.NumericSummary summary(CellResult r) {
		return r instanceof Released released && released.statistic() instanceof Statistic.NumericSummary s ? s : null;
	}

}
