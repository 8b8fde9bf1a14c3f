package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.notification.Notifications;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/** Invitations and reminders per wave, and the response-rate view (invited vs completed). */
@Service
class InvitationService {

    record Rate(String group, String invited, String completed) {
    }

    private final JdbcTemplate jdbc;
    private final Notifications notifications;
    private final ObjectProvider<SurveyRecipients> recipients;
    private final CampaignService campaigns;
    private final Clock clock;

    InvitationService(JdbcTemplate jdbc, Notifications notifications, ObjectProvider<SurveyRecipients> recipients,
                      CampaignService campaigns, Clock clock) {
        this.jdbc = jdbc;
        this.notifications = notifications;
        this.recipients = recipients;
        this.campaigns = campaigns;
        this.clock = clock;
    }

    /** Invites roster members not yet invited to this wave; returns how many were invited. */
    int invite(UUID waveId) {
        Campaign c = campaigns.campaignOfWave(waveId).orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
        List<UUID> people = jdbc.queryForList("SELECT r.person_id FROM survey_roster r JOIN survey_wave w ON w.campaign_id = r.campaign_id"
            + " WHERE w.id = ? AND NOT EXISTS (SELECT 1 FROM survey_invitation i WHERE i.wave_id = w.id AND i.person_id = r.person_id)",
            UUID.class, waveId);
        for (UUID p : people) {
            jdbc.update("INSERT INTO survey_invitation (wave_id, person_id, invited_on) VALUES (?,?,?)", waveId, p, LocalDate.now(clock));
            mail(new PersonId(p), "survey.invitation", c.title(), closesOn(waveId), c.minRespondents());
        }
        return people.size();
    }

    /** Reminds invited people who have not completed the wave (per the participation ledger). */
    int remind(UUID waveId) {
        Campaign c = campaigns.campaignOfWave(waveId).orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
        List<UUID> people = jdbc.queryForList("SELECT i.person_id FROM survey_invitation i WHERE i.wave_id = ? AND NOT EXISTS"
            + " (SELECT 1 FROM survey_participation p WHERE p.wave_id = i.wave_id AND p.person_id = i.person_id)", UUID.class, waveId);
        for (UUID p : people) {
            jdbc.update("UPDATE survey_invitation SET reminded_on = ? WHERE wave_id = ? AND person_id = ?", LocalDate.now(clock), waveId, p);
            mail(new PersonId(p), "survey.reminder", c.title(), closesOn(waveId));
        }
        return people.size();
    }

    private LocalDate closesOn(UUID waveId) {
        return jdbc.queryForObject("SELECT closes_on FROM survey_wave WHERE id = ?", LocalDate.class, waveId);
    }

    private void mail(PersonId person, String key, Object... args) {
        SurveyRecipients dir = recipients.getIfAvailable();
        if (dir != null) {
            dir.find(person).ifPresent(r -> notifications.sendMail(r.email(), r.locale(), key, args));
        }
    }

    /** Invited / completed for the wave and per org unit; groups with fewer than the threshold invited are not counted out. */
    List<Rate> rates(UUID waveId, int threshold) {
        List<Map<String, Object>> rows = jdbc.queryForList("SELECT CAST(r.org_unit_id AS VARCHAR) AS unit, COUNT(*) AS invited,"
            + " SUM(CASE WHEN p.person_id IS NULL THEN 0 ELSE 1 END) AS completed FROM survey_invitation i"
            + " JOIN survey_wave w ON w.id = i.wave_id JOIN survey_roster r ON r.campaign_id = w.campaign_id AND r.person_id = i.person_id"
            + " LEFT JOIN survey_participation p ON p.wave_id = i.wave_id AND p.person_id = i.person_id"
            + " WHERE i.wave_id = ? GROUP BY r.org_unit_id ORDER BY unit", waveId);
        long invited = 0;
        long completed = 0;
        java.util.ArrayList<Rate> out = new java.util.ArrayList<>();
        for (Map<String, Object> row : rows) {
            long inv = ((Number) row.get("invited")).longValue();
            long done = ((Number) row.get("completed")).longValue();
            invited += inv;
            completed += done;
            out.add(rate(String.valueOf(row.get("unit")), inv, done, threshold));
        }
        out.add(0, rate("ALL", invited, completed, threshold));
        return out;
    }

    private static Rate rate(String group, long invited, long completed, int threshold) {
        if (invited < threshold) {
            return new Rate(group, "fewer than " + threshold, "fewer than " + threshold);
        }
        return new Rate(group, Long.toString(invited), Long.toString(completed));
    }
}
