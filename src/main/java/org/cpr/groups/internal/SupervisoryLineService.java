package org.cpr.groups.internal;

import java.util.Set;

import org.cpr.groups.SupervisoryLine;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The listed evaluators, read from the coordinator's conflict list.
 */
@Service("supervisoryLine")
class SupervisoryLineService implements SupervisoryLine {

	private final GroupStore store;

	SupervisoryLineService(GroupStore store) {
		this.store = store;
	}

	@Override
	@Transactional(readOnly = true)
	public Set<PersonId> evaluatorsOf(PersonId person) {
		return Set.copyOf(store.conflictsOf(person));
	}

}
