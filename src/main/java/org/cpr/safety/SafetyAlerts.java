package org.cpr.safety;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * The safety module's API: raise an alert for a concern (idempotent), and let a
 * resilience clinician see, acknowledge and close alerts. Every read of an alert is
 * audited.
 */
public interface SafetyAlerts {

	/**
	 * The escalation ladder, primary first: who answers an alert, then who it escalates
	 * to.
	 */
	List<PersonId> onCallLadder();

	/**
	 * Puts these resilience clinicians on the escalation ladder, primary first, in place
	 * of whoever was on it.
	 */
	void replaceOnCallLadder(List<PersonId> clinicians);

	/**
	 * Creates the alert for this concern unless it exists already; returns its id either
	 * way.
	 */
	UUID raise(SafetyConcern concern);

	/**
	 * Unclosed alerts (and closed ones the person answered since), by tier; a waiting
	 * reply first within a tier.
	 */
	List<AlertView> inbox(PersonId clinician);

	/**
	 * The scores behind an alert, from the module it came from (see {@link AlertScores});
	 * empty for sources without scores.
	 */
	List<AlertScores.Line> scores(UUID alertId, java.util.Locale locale);

	Optional<AlertView> open(UUID alertId, PersonId clinician);

	boolean acknowledge(UUID alertId, PersonId clinician);

	boolean recordDisposition(UUID alertId, PersonId clinician, Disposition disposition, RiskLevel risk,
			LocalDate nextAttemptOn);

	/**
	 * Escalates every alert whose acknowledgement deadline has passed; returns how many
	 * moved.
	 */
	int escalateOverdue();

}
