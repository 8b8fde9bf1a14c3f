package org.cpr.groups.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.ToIntFunction;

import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.disclosure.Suppressed;
import org.cpr.groups.FeedbackReport;
import org.cpr.groups.GroupFeedback;
import org.cpr.groups.GroupMembership;
import org.cpr.groups.MentoringGroup;
import org.cpr.groups.UnknownGroupRecord;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.survey.Audience;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.Schedule;
import org.cpr.survey.SurveyCampaigns;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Meeting feedback as anonymous survey campaigns, tracked in the feedback tables
 * ({@link FeedbackStore}).
 */
@Service("groupFeedback")
class GroupFeedbackService implements GroupFeedback {

	static final int OPEN_DAYS = 7;

	/** The statements, in questionnaire order. */
	static final List<String> MEASURES = List.of("useful", "safe", "recommend");

	private final FeedbackStore store;

	private final GroupStore groups;

	private final GroupMembership membership;

	private final FeedbackQuestionnaire questionnaire;

	private final SurveyCampaigns campaigns;

	private final IdentityManagement identity;

	private final DisclosureGate gate;

	private final Clock clock;

	private final TransactionTemplate transaction;

	GroupFeedbackService(FeedbackStore store, GroupStore groups, GroupMembership membership,
			FeedbackQuestionnaire questionnaire, SurveyCampaigns campaigns, IdentityManagement identity,
			DisclosureGate gate, Clock clock, PlatformTransactionManager transactions) {
		this.store = store;
		this.groups = groups;
		this.membership = membership;
		this.questionnaire = questionnaire;
		this.campaigns = campaigns;
		this.identity = identity;
		this.gate = gate;
		this.clock = clock;
		this.transaction = new TransactionTemplate(transactions);
	}

	@Override
	public int sendDue() {
		Instant now = clock.instant();
		int started = 0;
		for (UUID meeting : store.meetingsAwaitingFeedback(now.minus(Duration.ofDays(OPEN_DAYS)), now)) {
			try {
				started += Boolean.TRUE.equals(transaction.execute(t -> ask(meeting))) ? 1 : 0;
			}
			catch (org.springframework.dao.DuplicateKeyException askedMeanwhile) {
				// another run asked about this meeting first; its transaction rolled back
			}
		}
		return started;
	}

	private boolean ask(UUID meetingId) {
		GroupStore.MeetingRow meeting = groups.meeting(meetingId).orElse(null);
		GroupStore.GroupRow group = meeting == null ? null : groups.group(meeting.group()).orElse(null);
		if (group == null) {
			return false;
		}
		Set<PersonId> present = groups.present(meetingId);
		List<PersonId> asked = groups.members(group.id())
			.stream()
			.map(GroupStore.MemberRow::person)
			.filter(p -> present.isEmpty() || present.contains(p))
			.filter(p -> identity.person(p).filter(PersonSummary::active).isPresent())
			.toList();
		Optional<PersonId> owner = store.cohortCreator(group.cohort())
			.or(() -> identity.holdersOf(Role.FACILITATOR)
				.stream()
				.filter(PersonSummary::active)
				.min(Comparator.comparing(PersonSummary::username))
				.map(PersonSummary::id));
		if (asked.isEmpty() || owner.isEmpty()) {
			return false;
		}
		QuestionnaireVersion version = questionnaire.ensure(owner.get());
		LocalDate today = LocalDate.now(clock);
		LocalDate held = meeting.start().atZone(meeting.zone()).toLocalDate();
		UUID campaign = campaigns.create(owner.get(), new CampaignSettings(group.name() + " · " + held,
				"Three statements and an optional comment about your mentoring group's meeting. Anonymous:"
						+ " your leader sees answers only pooled, once enough people have answered.",
				version.definitionId(), Integer.toString(version.number()), PrivacyMode.ANONYMOUS,
				Math.max(group.minRespondents(), CampaignSettings.MIN_RESPONDENTS), CampaignSettings.MIN_COMMENTS, null,
				Audience.NONE, Schedule.oneOff(today, today.plusDays(OPEN_DAYS - 1L))));
		// No org unit on the roster: the programs' leaders get no per-meeting survey
		// report, only the pooled one below.
		asked.forEach(p -> campaigns.addToRoster(campaign, p, null));
		campaigns.launch(owner.get(), campaign);
		UUID wave = campaigns.waves(campaign).get(0).id();
		store.recordWave(new FeedbackStore.SentWave(meetingId, group.id(), campaign, wave, asked.size()),
				clock.instant());
		return true;
	}

	@Override
	@Transactional
	public FeedbackReport report(UUID groupId, CprUser viewer) {
		MentoringGroup group = membership.group(groupId).orElseThrow(UnknownGroupRecord::new);
		Role role = viewerRole(group, viewer).orElseThrow(UnknownGroupRecord::new);
		List<FeedbackStore.Answer> cohort = store.answersOfCohort(group.cohort());
		List<FeedbackStore.Answer> own = cohort.stream().filter(a -> a.group().equals(groupId)).toList();
		int threshold = Math.max(group.minRespondents(), DisclosurePolicy.DEFAULT_MIN_RESPONDENTS);
		List<FeedbackStore.Answer> pool;
		FeedbackReport.Scope scope;
		int pooledGroups = 1;
		if (own.size() >= threshold) {
			pool = own;
			scope = FeedbackReport.Scope.GROUP;
		}
		else {
			List<MentoringGroup> siblings = membership.groupsOfCohort(group.cohort());
			int cohortThreshold = siblings.stream()
				.mapToInt(g -> Math.max(g.minRespondents(), threshold))
				.max()
				.orElse(threshold);
			if (cohort.size() < cohortThreshold || siblings.size() < 2) {
				return withheld(threshold, "groups.feedback.tooFew", threshold);
			}
			pool = cohort;
			scope = FeedbackReport.Scope.COHORT;
			pooledGroups = siblings.size();
		}
		String round = "groups-feedback:" + group.cohort();
		String cell = scope == FeedbackReport.Scope.GROUP ? "group:" + groupId : "cohort:" + group.cohort();
		List<FeedbackReport.Measure> measures = new ArrayList<>();
		Long respondents = null;
		for (String key : MEASURES) {
			ToIntFunction<FeedbackStore.Answer> value = switch (key) {
				case "useful" -> FeedbackStore.Answer::useful;
				case "safe" -> FeedbackStore.Answer::safe;
				default -> FeedbackStore.Answer::recommend;
			};
			CellResult r = gate.evaluate(new DisclosureRequest(viewer.personId(), role, round, key, MeasureType.NUMERIC,
					DisclosurePolicy.defaults(),
					List.of(new CellRequest(cell, null, 0, List.of(),
							pool.stream()
								.map(a -> Contribution.value(a.response().toString(), value.applyAsInt(a)))
								.toList()))))
				.get(0);
			if (r instanceof Released released && released.statistic() instanceof Statistic.NumericSummary summary) {
				respondents = released.respondents();
				measures.add(new FeedbackReport.Measure(key, Math.round(summary.mean() * 10) / 10.0, null, List.of()));
			}
			else {
				Suppressed s = (Suppressed) r;
				measures.add(new FeedbackReport.Measure(key, null, s.messageKey(), List.of(s.messageArguments())));
			}
		}
		List<Contribution> commented = pool.stream()
			.filter(a -> a.comment() != null)
			.map(a -> Contribution.comment(a.response().toString(), a.comment()))
			.toList();
		List<String> comments = List.of();
		String commentsMessage = "groups.feedback.comments.tooFew";
		List<Object> commentsArguments = List.of(DisclosurePolicy.DEFAULT_MIN_COMMENTS);
		if (respondents != null && commented.size() >= DisclosurePolicy.DEFAULT_MIN_COMMENTS) {
			CellResult r = gate
				.evaluate(new DisclosureRequest(viewer.personId(), role, round, "comment", MeasureType.COMMENTS,
						DisclosurePolicy.defaults(), List.of(new CellRequest(cell, null, 0, List.of(), commented))))
				.get(0);
			if (r instanceof Released released && released.statistic() instanceof Statistic.CommentList list) {
				comments = list.comments();
				commentsMessage = null;
				commentsArguments = List.of();
			}
			else {
				Suppressed s = (Suppressed) r;
				commentsMessage = s.messageKey();
				commentsArguments = List.of(s.messageArguments());
			}
		}
		if (respondents == null) {
			FeedbackReport.Measure first = measures.get(0);
			return new FeedbackReport(FeedbackReport.Scope.NONE, 0, null, threshold, first.messageKey(),
					first.messageArguments(), measures, List.of(), null, List.of());
		}
		return new FeedbackReport(scope, pooledGroups, respondents, threshold, null, List.of(), measures, comments,
				commentsMessage, commentsArguments);
	}

	/**
	 * The role the viewer sees the group's feedback under: its own leaders, or the
	 * program; anyone else (a leader of another group included) nothing.
	 */
	private Optional<Role> viewerRole(MentoringGroup group, CprUser viewer) {
		if (viewer.hasRole(Role.GROUP_LEADER) && group.leaders().contains(viewer.personId())) {
			return Optional.of(Role.GROUP_LEADER);
		}
		for (Role r : List.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.FACILITATOR)) {
			if (viewer.hasRole(r)) {
				return Optional.of(r);
			}
		}
		return Optional.empty();
	}

	private static FeedbackReport withheld(int threshold, String key, Object... args) {
		return new FeedbackReport(FeedbackReport.Scope.NONE, 0, null, threshold, key, List.of(args), List.of(),
				List.of(), null, List.of());
	}

}
