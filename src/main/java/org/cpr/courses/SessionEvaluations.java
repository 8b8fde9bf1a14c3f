package org.cpr.courses;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.cpr.survey.ScoreChange;

/**
 * Session evaluations and pre/post measures through the survey engine. After a session's
 * check-in closes, the people who attended it get a short evaluation (a one-wave survey
 * campaign of their own, anonymous unless the coordinator chose otherwise, open for seven
 * days); a multi-week course may also have a pre/post measure (one campaign, a wave in
 * the week before the first session and one for fourteen days from the last), sent to the
 * people seated a week before it starts. Results are the survey engine's reports, so
 * every figure has passed the disclosure gate: the campaign's creator and the program
 * leaders of the attendees' programs may see them.
 */
public interface SessionEvaluations {

	EvaluationSettings settings(OfferingId offering);

	/**
	 * Questionnaires a coordinator may choose: every published definition, by id and
	 * title.
	 */
	Map<String, String> questionnaires();

	/**
	 * Changes how the offering is evaluated (from the next session on).
	 * @throws InvalidPlan naming the field: an unknown questionnaire, a pre/post measure
	 * on a single session, or a pre/post measure changed after it was sent
	 */
	void configure(OfferingId id, EvaluationSettings wanted, PersonId by);

	/**
	 * Sends what is due now: an evaluation for every session whose check-in closed in the
	 * last seven days and that someone attended, and the pre/post campaigns of courses
	 * starting within seven days. Each in a transaction of its own. Returns how many
	 * campaigns were started.
	 */
	int sendDue();

	/**
	 * Each session's evaluation as this viewer may see it (through the survey engine's
	 * gated reports).
	 */
	List<SessionEvaluation> results(OfferingId id, CprUser viewer);

	/**
	 * The pre/post change as this viewer may see it; empty when the offering has no
	 * pre/post measure under way.
	 */
	Optional<ScoreChange> change(OfferingId id, CprUser viewer);

	/** The survey waves of the offering's pre/post measure, if started (pre first). */
	Optional<List<UUID>> prePostWaves(OfferingId id);

}
