package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Peer supporters' own debriefs: a coordinator records or schedules one (day, with a
 * resilience clinician or a coordinator, done or not done; never what was said), and the
 * supporter sees their own history. Every look by someone other than the supporter is
 * audited about the supporter, so it shows in their access log. Nothing here is offered
 * to evaluation, reports or any other module.
 */
public interface SupporterDebriefs {

	/**
	 * Records (outcome DONE or NOT_DONE, on a day not in the future) or schedules
	 * (outcome SCHEDULED) a supporter's own debrief; {@code withPerson}, when given, must
	 * hold the role {@code with} names. A refusal changes nothing.
	 */
	UUID record(PersonId supporter, LocalDate heldOn, DebriefWith with, PersonId withPerson, DebriefOutcome outcome,
			PersonId by);

	/** Marks a scheduled debrief as done or not done (not before its day). */
	void outcome(PersonId supporter, UUID debrief, DebriefOutcome outcome, PersonId by);

	/**
	 * The supporter's own debriefs, latest first; a look by anyone else is audited about
	 * the supporter.
	 */
	List<SupporterDebrief> history(PersonId supporter, PersonId viewer);

}
