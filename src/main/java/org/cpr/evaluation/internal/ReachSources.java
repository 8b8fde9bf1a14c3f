package org.cpr.evaluation.internal;

import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionReach.Reach;
import org.cpr.evaluation.InterventionType;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Asks every declared {@link InterventionReach} bean who took part, merged by
 * intervention type.
 */
@Component
class ReachSources {

	private final List<InterventionReach> sources;

	ReachSources(List<InterventionReach> sources) {
		this.sources = List.copyOf(sources);
	}

	/**
	 * What every source answered for the year; a type two sources report is merged
	 * (people united, counts added).
	 */
	Map<InterventionType, Reach> of(AcademicYear year) {
		Map<InterventionType, Reach> byType = new EnumMap<>(InterventionType.class);
		for (InterventionReach source : sources) {
			Reach answer = source.reach(year.from(), year.toExclusive());
			byType.merge(source.type(), answer, ReachSources::merge);
		}
		return byType;
	}

	private static Reach merge(Reach a, Reach b) {
		if (a instanceof Reach.Participants pa && b instanceof Reach.Participants pb) {
			Set<PersonId> all = new HashSet<>(pa.people());
			all.addAll(pb.people());
			return new Reach.Participants(all);
		}
		if (a instanceof Reach.CountOnly ca && b instanceof Reach.CountOnly cb && ca.unit() == cb.unit()) {
			return new Reach.CountOnly(ca.count() + cb.count(), ca.unit());
		}
		// a type reported both ways can only be counted: contacts, without who
		return new Reach.CountOnly(size(a) + size(b), Reach.CountOnly.Unit.CONTACTS);
	}

	private static long size(Reach r) {
		return r instanceof Reach.Participants p ? p.people().size() : ((Reach.CountOnly) r).count();
	}

}
