package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.survey.PrivacyMode;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Campaign lifecycle: draft, launch (privacy mode and thresholds frozen), waves, roster. */
@Service
class CampaignService {

    static final int MIN_RESPONDENTS = 5;
    static final int MIN_COMMENTS = 10;

    private final JdbcTemplate jdbc;
    private final AuditPort audit;
    private final Clock clock;

    CampaignService(JdbcTemplate jdbc, AuditPort audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    UUID create(PersonId actor, String title, String questionnaireId, String version, PrivacyMode mode,
                int minRespondents, int minComments) {
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO survey_campaign (id, title, questionnaire_id, questionnaire_version, privacy_mode,"
                + " status, min_respondents, min_comments, created_by) VALUES (?,?,?,?,?,'DRAFT',?,?,?)",
            id, title, questionnaireId, version, mode.name(),
            Math.max(MIN_RESPONDENTS, minRespondents), Math.max(MIN_COMMENTS, minComments), actor.value());
        audit.record(AuditEntry.success(actor, "SURVEY_CAMPAIGN_CREATED", "survey_campaign", id.toString()));
        return id;
    }

    @Transactional
    void addToRoster(UUID campaignId, PersonId person, UUID orgUnit) {
        jdbc.update("INSERT INTO survey_roster (campaign_id, person_id, org_unit_id) VALUES (?,?,?)",
            campaignId, person.value(), orgUnit);
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
        UUID id = UUID.randomUUID();
        jdbc.update("INSERT INTO survey_wave (id, campaign_id, label, opens_on, closes_on) VALUES (?,?,?,?,?)",
            id, campaignId, label, opensOn, closesOn);
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
        audit.record(new AuditEntry(actor, "SURVEY_CAMPAIGN_LAUNCHED", "survey_campaign", campaignId.toString(),
            null, "administration", AuditEntry.Outcome.SUCCESS, c.privacyMode().name()));
    }

    /**
     * Changes the privacy mode or thresholds. Before launch anything goes (thresholds never below the
     * defaults); after launch the mode and thresholds are frozen: the attempt is refused and audited.
     * The audit row is written in its own transaction so it survives the refusal.
     */
    @Transactional(noRollbackFor = SurveyConflictException.class)
    void changePrivacy(PersonId actor, UUID campaignId, PrivacyMode mode, int minRespondents, int minComments) {
        Campaign c = find(campaignId).orElseThrow(() -> new SurveyConflictException(404, "survey.campaign.notFound"));
        if (c.launched()) {
            audit.record(new AuditEntry(actor, "SURVEY_PRIVACY_CHANGE_REJECTED", "survey_campaign",
                campaignId.toString(), null, "administration", AuditEntry.Outcome.DENIED,
                c.privacyMode().name() + "->" + mode.name()));
            throw new SurveyConflictException(409, "survey.privacy.frozen");
        }
        jdbc.update("UPDATE survey_campaign SET privacy_mode = ?, min_respondents = ?, min_comments = ? WHERE id = ?",
            mode.name(), Math.max(MIN_RESPONDENTS, minRespondents), Math.max(MIN_COMMENTS, minComments), campaignId);
    }

    @Transactional(readOnly = true, propagation = Propagation.SUPPORTS)
    Optional<Campaign> find(UUID id) {
        List<Campaign> rows = jdbc.query("SELECT * FROM survey_campaign WHERE id = ?", (rs, i) -> new Campaign(
            rs.getObject("id", UUID.class), rs.getString("title"), rs.getString("questionnaire_id"),
            rs.getString("questionnaire_version"), PrivacyMode.valueOf(rs.getString("privacy_mode")),
            rs.getString("status"), rs.getInt("min_respondents"), rs.getInt("min_comments")), id);
        return rows.stream().findFirst();
    }

    Optional<Campaign> campaignOfWave(UUID waveId) {
        List<UUID> ids = jdbc.queryForList("SELECT campaign_id FROM survey_wave WHERE id = ?", UUID.class, waveId);
        return ids.isEmpty() ? Optional.empty() : find(ids.get(0));
    }

    boolean waveOpen(UUID waveId) {
        LocalDate today = LocalDate.now(clock);
        Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM survey_wave WHERE id = ? AND opens_on <= ? AND closes_on >= ?",
            Integer.class, waveId, today, today);
        return n != null && n > 0;
    }
}
