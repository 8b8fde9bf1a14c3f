package org.cpr.groups;

import java.util.Set;

import org.cpr.shared.PersonId;

/**
 * The part of a person's supervisory line that identity does not know: the attendings the
 * coordinator listed as their evaluators ({@code /groups/conflicts}). Identity has no
 * separate associate program director role (directors and associate directors are both
 * granted PROGRAM_DIRECTOR for the program), so callers take directors from identity and
 * evaluators from here. Used by group formation and by peer support matching.
 */
public interface SupervisoryLine {

	/** The attendings listed as evaluating this person. */
	Set<PersonId> evaluatorsOf(PersonId person);

}
