package org.cpr.groups;

import java.util.Set;

import org.cpr.groups.internal.GroupStore;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The part of a person's supervisory line that identity does not know: the attendings the
 * coordinator listed as their evaluators ({@code /groups/conflicts}). Identity has no
 * separate associate program director role (directors and associate directors are both
 * granted PROGRAM_DIRECTOR for the program), so callers take directors from identity and
 * evaluators from here. Used by group formation and by peer support matching.
 */
@Service
public class SupervisoryLine {

	private final GroupStore store;

	SupervisoryLine(GroupStore store) {
		this.store = store;
	}

	/** The attendings listed as evaluating this person. */
	@Transactional(readOnly = true)
	public Set<PersonId> evaluatorsOf(PersonId person) {
		return Set.copyOf(store.conflictsOf(person));
	}

}
