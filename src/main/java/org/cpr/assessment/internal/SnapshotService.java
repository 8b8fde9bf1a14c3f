package org.cpr.assessment.internal;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.assessment.AggregateTable;
import org.cpr.assessment.ContactChoice;
import org.cpr.assessment.NextStep;
import org.cpr.assessment.NextStepRule;
import org.cpr.assessment.PlannedStep;
import org.cpr.assessment.ReminderCadence;
import org.cpr.assessment.SnapshotDraft;
import org.cpr.assessment.SnapshotManagement;
import org.cpr.assessment.SnapshotStep;
import org.cpr.assessment.SubmissionOutcome;
import org.cpr.assessment.SubmittedSnapshot;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.util.MultiValueMap;

/**
 * The module's API over its internals; each call goes to the one internal bean that owns
 * it (and its transaction).
 */
@Service
class SnapshotService implements SnapshotManagement {

	private final Battery battery;

	private final Drafts drafts;

	private final Instruments instruments;

	private final SnapshotSubmissions submissions;

	private final SnapshotHistory history;

	private final NextSteps nextSteps;

	private final Reminders reminders;

	private final SafetyRouting safety;

	private final SnapshotAggregate aggregate;

	SnapshotService(Battery battery, Drafts drafts, Instruments instruments, SnapshotSubmissions submissions,
			SnapshotHistory history, NextSteps nextSteps, Reminders reminders, SafetyRouting safety,
			SnapshotAggregate aggregate) {
		this.battery = battery;
		this.drafts = drafts;
		this.instruments = instruments;
		this.submissions = submissions;
		this.history = history;
		this.nextSteps = nextSteps;
		this.reminders = reminders;
		this.safety = safety;
		this.aggregate = aggregate;
	}

	@Override
	public SnapshotDraft currentDraft(PersonId person) {
		return drafts.current(person);
	}

	@Override
	public SnapshotDraft saveDraft(PersonId person, Map<String, Map<String, Object>> answers, Set<String> skipped) {
		return drafts.save(person, answers, skipped);
	}

	@Override
	public List<PlannedStep> plan(Map<String, Map<String, Object>> answers, Set<String> skipped) {
		return battery.plan(answers, skipped);
	}

	@Override
	public boolean instrumentExists(String instrumentId) {
		return instruments.exists(instrumentId);
	}

	@Override
	public FormView form(String instrumentId) {
		return instruments.form(instrumentId);
	}

	@Override
	public FormView form(String instrumentId, java.util.Locale locale) {
		return instruments.form(instrumentId, locale);
	}

	@Override
	public Map<String, Object> askedOnly(String instrumentId, Map<String, Object> answers) {
		return instruments.askedOnly(instrumentId, answers);
	}

	@Override
	public String instrumentTitle(String instrumentId) {
		return instruments.title(instrumentId);
	}

	@Override
	public PostedAnswers read(String instrumentId, MultiValueMap<String, String> params) {
		return instruments.read(instrumentId, params);
	}

	@Override
	public ScoreResult score(String instrumentId, Map<String, Object> answers) {
		return instruments.score(instrumentId, answers);
	}

	@Override
	public SubmissionOutcome submit(PersonId person, String key, Map<String, Map<String, Object>> answers,
			Set<String> skipped) {
		return submissions.submit(person, key, answers, skipped);
	}

	@Override
	public List<SubmittedSnapshot> history(PersonId owner) {
		return history.all(owner);
	}

	@Override
	public Optional<SubmittedSnapshot> find(UUID submissionId, PersonId owner) {
		return history.find(submissionId, owner);
	}

	@Override
	public int deleteHistory(PersonId owner) {
		return history.deleteAll(owner);
	}

	@Override
	public List<NextStep> nextSteps(SubmittedSnapshot submission, java.util.Locale locale) {
		return nextSteps.forSubmission(submission, locale);
	}

	@Override
	public ReminderCadence reminderCadence(PersonId person) {
		return reminders.cadence(person);
	}

	@Override
	public void chooseReminders(PersonId person, ReminderCadence cadence) {
		reminders.choose(person, cadence);
	}

	@Override
	public boolean chooseContact(UUID submissionId, PersonId person, ContactChoice choice, String channel,
			String time) {
		return safety.choose(submissionId, person, choice, channel, time);
	}

	@Override
	public List<SnapshotStep> battery() {
		return battery.steps();
	}

	@Override
	public void replaceBattery(List<SnapshotStep> steps, PersonId by) {
		battery.replace(steps, by);
	}

	@Override
	public List<NextStepRule> nextStepRules() {
		return nextSteps.rules();
	}

	@Override
	public UUID saveNextStepRule(NextStepRule rule, PersonId by) {
		return nextSteps.save(rule, by);
	}

	@Override
	public void deleteNextStepRule(UUID id, PersonId by) {
		nextSteps.delete(id, by);
	}

	@Override
	public List<AggregateTable> aggregates(PersonId viewer, Role role) {
		return aggregate.report(viewer, role);
	}

}
