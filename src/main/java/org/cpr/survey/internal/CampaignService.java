package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.ReleaseLedger;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.survey.Audience;
import org.cpr.survey.Campaign;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.Schedule;
import org.cpr.survey.SurveyConflictException;
import org.cpr.survey.Wave;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Campaign lifecycle: draft, launch (privacy mode and thresholds frozen), waves, roster.
 */
@Service
class CampaignService {

	static final int MIN_RESPONDENTS = CampaignSettings.MIN_RESPONDENTS;
	static final int MIN_COMMENTS = CampaignSettings.MIN_COMMENTS;

	private final JdbcTemplate jdbc;

	private final AuditPort audit;

	private final Clock clock;

	private final ReleaseLedger ledger;

	private final CampaignInputCheck check;

	CampaignService(JdbcTemplate jdbc, AuditPort audit, Clock clock, ReleaseLedger ledger, CampaignInputCheck check) {
		this.check = check;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
		this.ledger = ledger;
	}

	/**
	 * The disclosure policy of every wave is fixed when it becomes live, as shown to
	 * respondents (I-6).
	 */
	private void fixPolicy(Campaign c, UUID waveId) {
		DisclosurePolicy policy = DisclosurePolicy.defaults()
			.strengthen(c.minRespondents(), c.minComments(), DisclosurePolicy.DEFAULT_MIN_POSITIVE_COUNT);
		ledger.fixPolicy(waveId.toString(), policy);
		ledger.fixPolicy(waveId + ":base", policy);
	}

	@Transactional
	UUID create(PersonId actor, String title, String questionnaireId, String version, PrivacyMode mode,
			int minRespondents, int minComments) {
		check.thresholds(minRespondents, minComments);
		UUID id = UUID.randomUUID();
		jdbc.update(
				"INSERT INTO survey_campaign (id, title, questionnaire_id, questionnaire_version, privacy_mode,"
						+ " status, min_respondents, min_comments, created_by) VALUES (?,?,?,?,?,'DRAFT',?,?,?)",
				id, title, questionnaireId, version, mode.name(), Math.max(MIN_RESPONDENTS, minRespondents),
				Math.max(MIN_COMMENTS, minComments), actor.value());
		audit.record(AuditEntry.success(actor, "SURVEY_CAMPAIGN_CREATED", "survey_campaign", id.toString()));
		return id;
	}

	/**
	 * A facilitator's roster entry: the campaign, the person and the unit must exist (404
	 * / 422).
	 */
	@Transactional
	void addCheckedToRoster(UUID campaignId, PersonId person, UUID orgUnit) {
		if (find(campaignId).isEmpty()) {
			throw new SurveyConflictException(404, "survey.campaign.notFound");
		}
		check.rosterEntry(person, orgUnit);
		addToRoster(campaignId, person, orgUnit);
	}

	@Transactional
	void addToRoster(UUID campaignId, PersonId person, UUID orgUnit) {
		jdbc.update("INSERT INTO survey_roster (campaign_id, person_id, org_unit_id) VALUES (?,?,?)", campaignId,
				person.value(), orgUnit);
		openToAllCheckedAt.remove(campaignId);
	}

	@Transactional
	UUID addWave(UUID campaignId, String label, LocalDate opensOn, LocalDate closesOn) {
		if (opensOn == null || closesOn == null) {
			throw new IllegalArgumentException("opensOn and closesOn are required (YYYY-MM-DD)");
		}
		if (find(campaignId).isEmpty()) {
			throw new SurveyConflictException(404, "survey.campaign.notFound");
		}
		if (closesOn.isBefore(opensOn)) {
			throw new IllegalArgumentException("closing date before opening date");
		}
		if (label == null || label.isBlank() || label.length() > 80) {
			throw new IllegalArgumentException("label must have 1 to 80 characters");
		}
		UUID id = UUID.randomUUID();
		jdbc.update("INSERT INTO survey_wave (id, campaign_id, label, opens_on, closes_on) VALUES (?,?,?,?,?)", id,
				campaignId, label, opensOn, closesOn);
		find(campaignId).filter(Campaign::launched).ifPresent(c -> fixPolicy(c, id));
		return id;
	}

	@Transactional
	void launch(PersonId actor, UUID campaignId) {
		Campaign c = find(campaignId).orElseThrow(() -> new SurveyConflictException(404, "survey.campaign.notFound"));
		if (c.launched()) {
			throw new SurveyConflictException(409, "survey.campaign.alreadyLaunched");
		}
		jdbc.update("UPDATE survey_campaign SET status = 'LAUNCHED', launched_on = ? WHERE id = ?",
				LocalDate.now(clock), campaignId);
		audit.record(
				AuditEntry.administration(actor, "SURVEY_CAMPAIGN_LAUNCHED", "survey_campaign", campaignId.toString())
					.detail(c.privacyMode().name()));
		for (Wave w : waves(campaignId)) {
			fixPolicy(c, w.id());
		}
	}

	/**
	 * Changes the privacy mode or thresholds. Before launch anything goes (thresholds
	 * never below the defaults); after launch the mode and thresholds are frozen: the
	 * attempt is refused and audited. The audit row is written in its own transaction so
	 * it survives the refusal.
	 */
	@Transactional(noRollbackFor = SurveyConflictException.class)
	void changePrivacy(PersonId actor, UUID campaignId, PrivacyMode mode, int minRespondents, int minComments) {
		Campaign c = find(campaignId).orElseThrow(() -> new SurveyConflictException(404, "survey.campaign.notFound"));
		if (c.launched()) {
			audit.record(AuditEntry
				.administration(actor, "SURVEY_PRIVACY_CHANGE_REJECTED", "survey_campaign", campaignId.toString())
				.detail(c.privacyMode().name() + "->" + mode.name())
				.outcome(AuditEntry.Outcome.DENIED));
			throw new SurveyConflictException(409, "survey.privacy.frozen");
		}
		check.thresholds(minRespondents, minComments);
		jdbc.update("UPDATE survey_campaign SET privacy_mode = ?, min_respondents = ?, min_comments = ? WHERE id = ?",
				mode.name(), Math.max(MIN_RESPONDENTS, minRespondents), Math.max(MIN_COMMENTS, minComments),
				campaignId);
	}

	/** Everything a facilitator sets on the campaign form. */
	/**
	 * Creates a draft campaign with its audience and schedule (waves are planned at
	 * launch).
	 */
	@Transactional
	UUID create(PersonId actor, CampaignSettings s) {
		check.questionnaire(s.questionnaireId(), s.version());
		check.units(s.audience().units());
		UUID id = create(actor, s.title(), s.questionnaireId(), s.version(), s.mode(), s.minRespondents(),
				s.minComments());
		Schedule sc = s.schedule();
		jdbc.update("UPDATE survey_campaign SET description = ?, hospital = ?, audience_units = ?, audience_types = ?,"
				+ " audience_roles = ?, schedule = ?, first_opens_on = ?, window_days = ?, block_weeks = ?, ends_on = ?"
				+ " WHERE id = ?", s.description(), s.hospital(), s.audience().unitsText(), s.audience().typesText(),
				s.audience().rolesText(), sc.kind().name(), sc.firstOpensOn(), sc.windowDays(), sc.blockWeeks(),
				sc.endsOn(), id);
		return id;
	}

	/**
	 * Launches: freezes privacy mode and thresholds, plans the waves of the schedule and
	 * takes the audience into the roster (newcomers are added again when each wave
	 * opens).
	 */
	@Transactional
	void launch(PersonId actor, UUID campaignId, IdentityAudience people) {
		launch(actor, campaignId);
		Campaign c = find(campaignId).orElseThrow();
		if (waves(campaignId).isEmpty()) {
			for (Schedule.PlannedWave w : c.schedule().waves()) {
				addWave(campaignId, w.label(), w.opensOn(), w.closesOn());
			}
		}
		for (Wave w : waves(campaignId)) {
			fixPolicy(c, w.id()); // waves planned just now
		}
		refreshRoster(c, people);
	}

	/** Adds audience members not yet on the roster; returns how many were added. */
	@Transactional
	int refreshRoster(Campaign c, IdentityAudience people) {
		if (!c.audience().defined()) {
			return 0;
		}
		int added = 0;
		for (IdentityAudience.Member m : people.resolve(c.audience())) {
			added += jdbc.update(
					"INSERT INTO survey_roster (campaign_id, person_id, org_unit_id) SELECT ?, ?, ?"
							+ " WHERE NOT EXISTS (SELECT 1 FROM survey_roster WHERE campaign_id = ? AND person_id = ?)",
					c.id(), m.person().value(), m.unit(), c.id(), m.person().value());
		}
		if (added > 0) {
			openToAllCheckedAt.remove(c.id());
		}
		return added;
	}

	List<Wave> waves(UUID campaignId) {
		return jdbc.query("SELECT * FROM survey_wave WHERE campaign_id = ? ORDER BY opens_on, label",
				(rs, i) -> wave(rs), campaignId);
	}

	Optional<Wave> wave(UUID waveId) {
		return jdbc.query("SELECT * FROM survey_wave WHERE id = ?", (rs, i) -> wave(rs), waveId).stream().findFirst();
	}

	private static Wave wave(java.sql.ResultSet rs) throws java.sql.SQLException {
		return new Wave(rs.getObject("id", UUID.class), rs.getObject("campaign_id", UUID.class), rs.getString("label"),
				rs.getObject("opens_on", LocalDate.class), rs.getObject("closes_on", LocalDate.class),
				rs.getObject("invited_on", LocalDate.class), rs.getObject("reminded_on", LocalDate.class));
	}

	List<Campaign> all() {
		return jdbc.query("SELECT * FROM survey_campaign ORDER BY launched_on DESC NULLS FIRST, title",
				(rs, i) -> campaign(rs));
	}

	/**
	 * True when the campaign names its respondents (a roster or an audience) and this
	 * person is not among them.
	 */
	boolean excluded(UUID campaignId, PersonId person) {
		if (!withRoster.contains(campaignId)) {
			Long checked = openToAllCheckedAt.get(campaignId);
			if (checked != null && System.nanoTime() - checked < OPEN_TO_ALL_TTL_NANOS) {
				return false;
			}
			Integer any = jdbc.queryForObject("SELECT COUNT(*) FROM survey_roster WHERE campaign_id = ?", Integer.class,
					campaignId);
			if (any == null || any == 0) {
				openToAllCheckedAt.put(campaignId, System.nanoTime());
				return false;
			}
			withRoster.add(campaignId); // a roster only ever grows
			openToAllCheckedAt.remove(campaignId);
		}
		Integer me = jdbc.queryForObject("SELECT COUNT(*) FROM survey_roster WHERE campaign_id = ? AND person_id = ?",
				Integer.class, campaignId, person.value());
		return me == null || me == 0;
	}

	/**
	 * Waves open today for this person: launched, on the roster (or an open campaign).
	 */
	List<Wave> openWavesFor(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		return jdbc.query("SELECT w.* FROM survey_wave w JOIN survey_campaign c ON c.id = w.campaign_id"
				+ " WHERE c.status = 'LAUNCHED' AND w.opens_on <= ? AND w.closes_on >= ?"
				+ " AND (EXISTS (SELECT 1 FROM survey_roster r WHERE r.campaign_id = c.id AND r.person_id = ?)"
				+ "      OR NOT EXISTS (SELECT 1 FROM survey_roster r WHERE r.campaign_id = c.id))"
				+ " ORDER BY w.closes_on", (rs, i) -> wave(rs), today, today, person.value());
	}

	void markInvited(UUID waveId) {
		jdbc.update("UPDATE survey_wave SET invited_on = ? WHERE id = ?", LocalDate.now(clock), waveId);
	}

	void markReminded(UUID waveId) {
		jdbc.update("UPDATE survey_wave SET reminded_on = ? WHERE id = ?", LocalDate.now(clock), waveId);
	}

	@Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
	Optional<Campaign> find(UUID id) {
		List<Campaign> rows = jdbc.query("SELECT * FROM survey_campaign WHERE id = ?", (rs, i) -> campaign(rs), id);
		return rows.stream().findFirst();
	}

	private static Campaign campaign(java.sql.ResultSet rs) throws java.sql.SQLException {
		Integer block = rs.getObject("block_weeks") == null ? null : rs.getInt("block_weeks");
		Schedule schedule = new Schedule(Schedule.Kind.valueOf(rs.getString("schedule")),
				rs.getObject("first_opens_on", LocalDate.class), rs.getInt("window_days"), block,
				rs.getObject("ends_on", LocalDate.class));
		return new Campaign(rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("questionnaire_id"),
				rs.getString("questionnaire_version"), PrivacyMode.valueOf(rs.getString("privacy_mode")),
				rs.getString("status"), rs.getInt("min_respondents"), rs.getInt("min_comments"),
				rs.getString("description"), rs.getString("hospital"), Audience.parse(rs.getString("audience_units"),
						rs.getString("audience_types"), rs.getString("audience_roles")),
				schedule, rs.getObject("launched_on", LocalDate.class));
	}

	/**
	 * Launched campaigns and their waves never change what a submission reads (privacy
	 * mode, thresholds, questionnaire version, dates), so the submission path remembers
	 * them.
	 */
	private final java.util.Map<UUID, Campaign> launchedByWave = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.Map<UUID, Wave> waveRows = new java.util.concurrent.ConcurrentHashMap<>();

	private final java.util.Set<UUID> withRoster = java.util.concurrent.ConcurrentHashMap.newKeySet();

	/**
	 * Campaigns found without a roster, and when: answered from memory for a few seconds,
	 * so an open campaign costs no query per submission; a roster added meanwhile (on
	 * this node or another) applies at the latest after this long.
	 */
	private final java.util.Map<UUID, Long> openToAllCheckedAt = new java.util.concurrent.ConcurrentHashMap<>();

	private static final long OPEN_TO_ALL_TTL_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

	Optional<Campaign> campaignOfWave(UUID waveId) {
		Campaign known = launchedByWave.get(waveId);
		if (known != null) {
			return Optional.of(known);
		}
		List<UUID> ids = jdbc.queryForList("SELECT campaign_id FROM survey_wave WHERE id = ?", UUID.class, waveId);
		Optional<Campaign> found = ids.isEmpty() ? Optional.empty() : find(ids.get(0));
		found.filter(Campaign::launched).ifPresent(c -> launchedByWave.put(waveId, c));
		return found;
	}

	/** Whether the wave accepts answers today (wave dates never change). */
	boolean waveOpenToday(UUID waveId) {
		Wave w = waveRows.computeIfAbsent(waveId, id -> wave(id).orElse(null));
		return w != null && w.openOn(LocalDate.now(clock));
	}

}
