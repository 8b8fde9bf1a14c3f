package org.cpr.peersupport.internal;

import java.util.Set;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/**
 * What the matching rules know about the person to be supported.
 *
 * @param line the person's program and department and every unit above them: a supporter
 * leading any is in their supervisory line
 * @param language preferred language code, or null
 * @param sameEvent everyone recorded as involved in the same event (reach-ins), who must
 * not support each other
 * @param evaluators attendings listed as evaluating the person (the groups module's
 * conflict list): in their supervisory line too
 */
record MatchSeeker(PersonId person, TraineeType profession, OrgUnitId department, Set<OrgUnitId> line, String language,
		Set<PersonId> sameEvent, Set<PersonId> evaluators) {

	public MatchSeeker {
		line = Set.copyOf(line);
		sameEvent = Set.copyOf(sameEvent);
		evaluators = Set.copyOf(evaluators);
	}

	/** A seeker with no listed evaluators. */
	public MatchSeeker(PersonId person, TraineeType profession, OrgUnitId department, Set<OrgUnitId> line,
			String language, Set<PersonId> sameEvent) {
		this(person, profession, department, line, language, sameEvent, Set.of());
	}
}
