package org.cpr.assessment;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.util.MultiValueMap;

/**
 * The Resilience Snapshot's API: taking a snapshot, the person's own history, results and
 * choices, the battery and next-step rules administrators configure, and the aggregates
 * leaders may see (only through the disclosure gate). Every per-person call is by owner.
 * Returns records and ids.
 */
public interface SnapshotManagement {

	/** The person's draft, started (with a fresh idempotency key) if there is none. */
	SnapshotDraft currentDraft(PersonId person);

	/**
	 * Replaces the draft's answers and skipped steps (the key stays that of this form
	 * instance).
	 */
	SnapshotDraft saveDraft(PersonId person, Map<String, Map<String, Object>> answers, Set<String> skipped);

	/**
	 * The pages the person will see for these answers: the battery plus follow-ups of
	 * positive screeners.
	 */
	List<PlannedStep> plan(Map<String, Map<String, Object>> answers, Set<String> skipped);

	boolean instrumentExists(String instrumentId);

	FormView form(String instrumentId);

	/**
	 * The instrument's form in {@code locale}'s language when a validated translation is
	 * shipped with it, else in its own language ({@link FormView#untranslatedFor}).
	 */
	FormView form(String instrumentId, java.util.Locale locale);

	/**
	 * The answers less those to questions not asked given the others (a changed gate
	 * question), so a web form never blocks on them.
	 */
	Map<String, Object> askedOnly(String instrumentId, Map<String, Object> answers);

	String instrumentTitle(String instrumentId);

	/**
	 * A posted step read as the questionnaire module reads every form (fields
	 * {@code a_<linkId>}).
	 */
	PostedAnswers read(String instrumentId, MultiValueMap<String, String> params);

	/**
	 * Scores on the server; throws {@link org.cpr.questionnaire.InvalidAnswersException}
	 * for incomplete or bad answers.
	 */
	ScoreResult score(String instrumentId, Map<String, Object> answers);

	/**
	 * Stores the snapshot once per idempotency key.
	 * @throws BadKey for a missing or malformed key
	 * @throws KeyReused when the key was used with different answers
	 * @throws IncompleteSnapshot when a step's answers cannot be scored
	 */
	SubmissionOutcome submit(PersonId person, String key, Map<String, Map<String, Object>> answers,
			Set<String> skipped);

	/** The person's own submissions, oldest first. */
	List<SubmittedSnapshot> history(PersonId owner);

	/** One of the person's own submissions; another person's id is not found. */
	Optional<SubmittedSnapshot> find(UUID submissionId, PersonId owner);

	/** Deletes the person's whole history; returns how many submissions went. */
	int deleteHistory(PersonId owner);

	/** The tailored next steps whose rules this submission matches. */
	List<NextStep> nextSteps(SubmittedSnapshot submission, java.util.Locale locale);

	ReminderCadence reminderCadence(PersonId person);

	void chooseReminders(PersonId person, ReminderCadence cadence);

	/**
	 * Records the private-or-contact choice on the person's own submission; false when
	 * there is nothing to choose.
	 */
	boolean chooseContact(UUID submissionId, PersonId person, ContactChoice choice, String channel, String time);

	/** The configured battery. */
	List<SnapshotStep> battery();

	/**
	 * Replaces the battery; throws {@link IllegalArgumentException} when an instrument
	 * does not exist.
	 */
	void replaceBattery(List<SnapshotStep> steps, PersonId by);

	List<NextStepRule> nextStepRules();

	UUID saveNextStepRule(NextStepRule rule, PersonId by);

	void deleteNextStepRule(UUID id, PersonId by);

	/**
	 * Participation and band tables by org unit, each cell released or suppressed by the
	 * disclosure gate.
	 */
	List<AggregateTable> aggregates(PersonId viewer, Role role);

}
