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
 */
public record MatchSeeker(PersonId person, TraineeType profession, OrgUnitId department, Set<OrgUnitId> line,
		String language, Set<PersonId> sameEvent) {

	public MatchSeeker {
		line = Set.copyOf(line);
		sameEvent = Set.copyOf(sameEvent);
	}
}
