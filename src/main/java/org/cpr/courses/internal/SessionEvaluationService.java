package org.cpr.courses.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.courses.EvaluationSettings;
import org.cpr.courses.InvalidPlan;
import org.cpr.courses.Offering;
import org.cpr.courses.OfferingId;
import org.cpr.courses.PlanError;
import org.cpr.courses.Registration;
import org.cpr.courses.RegistrationRefused;
import org.cpr.courses.RegistrationStatus;
import org.cpr.courses.Registrations;
import org.cpr.courses.Session;
import org.cpr.courses.SessionEvaluation;
import org.cpr.courses.SessionEvaluations;
import org.cpr.courses.SessionId;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.PersonId;
import org.cpr.survey.Audience;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.Schedule;
import org.cpr.survey.ScoreChange;
import org.cpr.survey.SurveyCampaigns;
import org.cpr.survey.SurveyConflictException;
import org.cpr.survey.SurveyReports;
import org.cpr.survey.Wave;
import org.cpr.survey.WaveReport;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * {@link SessionEvaluations} over the module's own stores: callers see only the
 * interface.
 */
@Service("sessionEvaluations")
class SessionEvaluationService implements SessionEvaluations {

	static final int OPEN_DAYS = 7;
	static final int PRE_DAYS = 7;
	static final int POST_DAYS = 14;

	private final EvaluationStore store;

	private final OfferingStore offerings;

	private final Registrations registrations;

	private final SurveyCampaigns campaigns;

	private final SurveyReports reports;

	private final QuestionnaireLibrary library;

	private final IdentityManagement identity;

	private final Clock clock;

	private final TransactionTemplate transaction;

	SessionEvaluationService(EvaluationStore store, OfferingStore offerings, Registrations registrations,
			SurveyCampaigns campaigns, SurveyReports reports, QuestionnaireLibrary library, IdentityManagement identity,
			Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.offerings = offerings;
		this.registrations = registrations;
		this.campaigns = campaigns;
		this.reports = reports;
		this.library = library;
		this.identity = identity;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	@Transactional(readOnly = true)
	public EvaluationSettings settings(OfferingId offering) {
		return store.setting(offering)
			.map(s -> new EvaluationSettings(s.questionnaire(), PrivacyMode.ANONYMOUS.name().equals(s.privacyMode()),
					s.prepostMeasure()))
			.orElse(EvaluationSettings.DEFAULT);
	}

	@Override
	@Transactional(readOnly = true)
	public Map<String, String> questionnaires() {
		Map<String, String> out = new java.util.TreeMap<>();
		library.published().forEach(v -> out.putIfAbsent(v.definitionId(), v.title()));
		return out;
	}

	@Override
	@Transactional
	public void configure(OfferingId id, EvaluationSettings wanted, PersonId by) {
		Offering offering = offerings.find(id)
			.orElseThrow(() -> new RegistrationRefused(RegistrationRefused.Reason.UNKNOWN_OFFERING));
		List<PlanError> errors = new ArrayList<>();
		if (wanted.questionnaire() != null && published(wanted.questionnaire()).isEmpty()) {
			errors.add(new PlanError("questionnaire", "courses.evaluation.questionnaire.unknown"));
		}
		if (wanted.prepostMeasure() != null) {
			if (published(wanted.prepostMeasure()).isEmpty()) {
				errors.add(new PlanError("prepostMeasure", "courses.evaluation.questionnaire.unknown"));
			}
			else if (offering.sessions().stream().filter(s -> !s.cancelled()).count() < 2) {
				errors.add(new PlanError("prepostMeasure", "courses.evaluation.prepost.single"));
			}
		}
		Optional<String> current = Optional.ofNullable(settings(id).prepostMeasure());
		if (store.prePost(id).isPresent() && !current.equals(Optional.ofNullable(wanted.prepostMeasure()))) {
			errors.add(new PlanError("prepostMeasure", "courses.evaluation.prepost.started"));
		}
		if (!errors.isEmpty()) {
			throw new InvalidPlan(errors);
		}
		store.save(id,
				new EvaluationStore.Setting(wanted.questionnaire(),
						(wanted.anonymous() ? PrivacyMode.ANONYMOUS : PrivacyMode.CONFIDENTIAL).name(),
						wanted.prepostMeasure()),
				by, clock.instant());
	}

	@Override
	public int sendDue() {
		Instant now = clock.instant();
		int started = 0;
		Instant checkInClosed = now.minus(AttendanceService.CLOSES_AFTER);
		for (SessionId session : store.due(checkInClosed.minus(Duration.ofDays(OPEN_DAYS)), checkInClosed)) {
			started += Boolean.TRUE.equals(transaction.execute(t -> evaluate(session))) ? 1 : 0;
		}
		for (OfferingId offering : store.prepostDue(now, now.plus(Duration.ofDays(PRE_DAYS)))) {
			started += Boolean.TRUE.equals(transaction.execute(t -> startPrePost(offering))) ? 1 : 0;
		}
		return started;
	}

	private boolean evaluate(SessionId sessionId) {
		Session session = offerings.session(sessionId).orElseThrow().session();
		Offering offering = offerings.find(session.offering()).orElseThrow();
		EvaluationSettings settings = settings(offering.id());
		Optional<QuestionnaireVersion> version = published(settings.questionnaire());
		List<PersonId> attendees = store.attendees(sessionId);
		Optional<PersonId> owner = owner(offering);
		if (version.isEmpty() || attendees.isEmpty() || owner.isEmpty()) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		String title = offering.title() + " · " + session.start().toLocalDate();
		UUID campaign = campaigns.create(owner.get(),
				new CampaignSettings(title, offering.description(), version.get().definitionId(),
						Integer.toString(version.get().number()),
						settings.anonymous() ? PrivacyMode.ANONYMOUS : PrivacyMode.CONFIDENTIAL,
						CampaignSettings.MIN_RESPONDENTS, CampaignSettings.MIN_COMMENTS, null, Audience.NONE,
						Schedule.oneOff(today, today.plusDays(OPEN_DAYS - 1L))));
		int invited = roster(campaign, attendees);
		campaigns.launch(owner.get(), campaign);
		UUID wave = campaigns.waves(campaign).get(0).id();
		store.recordSessionWave(new EvaluationStore.SessionWave(sessionId, campaign, wave, invited), clock.instant());
		return true;
	}

	private boolean startPrePost(OfferingId id) {
		Offering offering = offerings.find(id).orElseThrow();
		EvaluationSettings settings = settings(id);
		Optional<QuestionnaireVersion> version = published(settings.prepostMeasure());
		List<Session> held = offering.sessions().stream().filter(s -> !s.cancelled()).toList();
		List<PersonId> seated = registrations.roster(id)
			.stream()
			.filter(r -> r.status() == RegistrationStatus.SEATED)
			.map(Registration::person)
			.toList();
		Optional<PersonId> owner = owner(offering);
		if (version.isEmpty() || held.size() < 2 || seated.isEmpty() || owner.isEmpty()) {
			return false;
		}
		LocalDate today = LocalDate.now(clock);
		LocalDate first = held.get(0).start().toLocalDate();
		LocalDate last = held.get(held.size() - 1).end().toLocalDate();
		UUID campaign = campaigns.create(owner.get(),
				new CampaignSettings(offering.title() + " · " + version.get().title(), offering.description(),
						version.get().definitionId(), Integer.toString(version.get().number()),
						settings.anonymous() ? PrivacyMode.ANONYMOUS : PrivacyMode.CONFIDENTIAL,
						CampaignSettings.MIN_RESPONDENTS, CampaignSettings.MIN_COMMENTS, null, Audience.NONE,
						Schedule.oneOff(today, last.plusDays(POST_DAYS - 1L))));
		UUID pre = campaigns.addWave(campaign, "1", today.isAfter(first) ? first : today, first);
		UUID post = campaigns.addWave(campaign, "2", last, last.plusDays(POST_DAYS - 1L));
		roster(campaign, seated);
		campaigns.launch(owner.get(), campaign);
		store.recordPrePost(id, new EvaluationStore.PrePost(campaign, pre, post), clock.instant());
		return true;
	}

	@Override
	@Transactional
	public List<SessionEvaluation> results(OfferingId id, CprUser viewer) {
		Offering offering = offerings.find(id)
			.orElseThrow(() -> new RegistrationRefused(RegistrationRefused.Reason.UNKNOWN_OFFERING));
		Map<SessionId, EvaluationStore.SessionWave> waves = store.sessionWaves(id);
		List<SessionEvaluation> out = new ArrayList<>();
		for (Session s : offering.sessions()) {
			EvaluationStore.SessionWave w = waves.get(s.id());
			if (w == null) {
				continue;
			}
			LocalDate closes = campaigns.wave(w.wave()).map(Wave::closesOn).orElse(null);
			try {
				WaveReport report = reports.report(viewer, w.wave());
				var overall = report.scores().stream().filter(r -> "all".equals(r.key())).findFirst();
				out.add(overall.map(r -> new SessionEvaluation(s, w.wave(), w.invited(), closes, r.result(), null))
					.orElseGet(() -> new SessionEvaluation(s, w.wave(), w.invited(), closes, null,
							"courses.evaluation.notYet")));
			}
			catch (SurveyConflictException notForYou) {
				out.add(new SessionEvaluation(s, w.wave(), w.invited(), closes, null, "courses.evaluation.notYours"));
			}
		}
		return out;
	}

	@Override
	@Transactional
	public Optional<ScoreChange> change(OfferingId id, CprUser viewer) {
		return store.prePost(id).map(p -> {
			try {
				return reports.change(viewer, p.preWave(), p.postWave());
			}
			catch (SurveyConflictException notForYou) {
				return ScoreChange.withheld(p.preWave(), p.postWave(), "courses.evaluation.notYours");
			}
		});
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<List<UUID>> prePostWaves(OfferingId id) {
		return store.prePost(id).map(p -> List.of(p.preWave(), p.postWave()));
	}

	private int roster(UUID campaign, List<PersonId> people) {
		int added = 0;
		for (PersonId p : people) {
			Optional<PersonSummary> person = identity.person(p).filter(PersonSummary::active);
			if (person.isPresent()) {
				var unit = person.get().program() != null ? person.get().program() : person.get().department();
				campaigns.addToRoster(campaign, p, unit == null ? null : unit.value());
				added++;
			}
		}
		return added;
	}

	private Optional<PersonId> owner(Offering offering) {
		return store.creator(offering.id()).or(() -> offering.facilitators().stream().findFirst());
	}

	private Optional<QuestionnaireVersion> published(String definitionId) {
		return definitionId == null ? Optional.empty() : library.latestPublished(definitionId);
	}

}
