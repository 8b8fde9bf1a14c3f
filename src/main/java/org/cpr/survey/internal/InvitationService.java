package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Suppressed;
import org.cpr.identity.SignInLinks;
import org.cpr.notification.Notifications;
import org.cpr.shared.Digests;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.survey.Campaign;
import org.cpr.survey.ResponseRate;
import org.cpr.survey.SurveyConflictException;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * Invitations and reminders per wave, and the response-rate view (invited vs completed).
 */
@Service
class InvitationService {

	private final JdbcTemplate jdbc;

	private final Notifications notifications;

	private final ObjectProvider<SurveyRecipients> recipients;

	private final CampaignService campaigns;

	private final Clock clock;

	private final DisclosureGate gate;

	private final MessageSource messages;

	private final SignInLinks links;

	private final boolean withLinks;

	private final String baseUrl;

	InvitationService(JdbcTemplate jdbc, Notifications notifications, ObjectProvider<SurveyRecipients> recipients,
			CampaignService campaigns, Clock clock, DisclosureGate gate, MessageSource messages, SignInLinks links,
			@Value("${cpr.survey.invitation-sign-in-links:false}") boolean withLinks,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.links = links;
		this.withLinks = withLinks;
		this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
		this.gate = gate;
		this.messages = messages;
		this.jdbc = jdbc;
		this.notifications = notifications;
		this.recipients = recipients;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	/**
	 * Invites roster members not yet invited to this wave; returns how many were invited.
	 */
	int invite(UUID waveId) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		List<UUID> people = jdbc
			.queryForList("SELECT r.person_id FROM survey_roster r JOIN survey_wave w ON w.campaign_id = r.campaign_id"
					+ " WHERE w.id = ? AND NOT EXISTS (SELECT 1 FROM survey_invitation i WHERE i.wave_id = w.id AND i.person_id = r.person_id)",
					UUID.class, waveId);
		LocalDate closes = closesOn(waveId);
		for (UUID p : people) {
			jdbc.update("INSERT INTO survey_invitation (wave_id, person_id, invited_on) VALUES (?,?,?)", waveId, p,
					LocalDate.now(clock));
			if (withLinks) {
				mailWithLink(new PersonId(p), waveId, c, closes);
			}
			else {
				mail(new PersonId(p), "survey.invitation", c.title(), closes, c.minRespondents());
			}
		}
		return people.size();
	}

	/**
	 * Reminds invited people who have not completed the wave (per the participation
	 * ledger).
	 */
	int remind(UUID waveId) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		List<UUID> people = jdbc
			.queryForList("SELECT i.person_id FROM survey_invitation i WHERE i.wave_id = ? AND NOT EXISTS"
					+ " (SELECT 1 FROM survey_participation p WHERE p.wave_id = i.wave_id AND p.person_id = i.person_id)",
					UUID.class, waveId);
		for (UUID p : people) {
			jdbc.update("UPDATE survey_invitation SET reminded_on = ? WHERE wave_id = ? AND person_id = ?",
					LocalDate.now(clock), waveId, p);
			mail(new PersonId(p), "survey.reminder", c.title(), closesOn(waveId));
		}
		return people.size();
	}

	private LocalDate closesOn(UUID waveId) {
		return jdbc.queryForObject("SELECT closes_on FROM survey_wave WHERE id = ?", LocalDate.class, waveId);
	}

	/**
	 * The invitation with a single-use sign-in link to the wave's form, valid until the
	 * wave closes (cpr.survey.invitation-sign-in-links): following it needs no password,
	 * so the launch of a campus-wide survey is not bounded by password hashing. Issued
	 * only for someone the message can reach.
	 */
	private void mailWithLink(PersonId person, UUID waveId, Campaign c, LocalDate closes) {
		SurveyRecipients dir = recipients.getIfAvailable();
		if (dir == null) {
			return;
		}
		dir.find(person).ifPresent(r -> {
			java.time.Instant expires = closes.plusDays(1).atStartOfDay(clock.getZone()).toInstant();
			String path = links.issue(person, "/surveys/waves/" + waveId, expires, "survey-invitation");
			notifications.sendMail(r.email(), r.locale(), "survey.invitation.link", c.title(), closes,
					c.minRespondents(), baseUrl + path);
		});
	}

	private void mail(PersonId person, String key, Object... args) {
		SurveyRecipients dir = recipients.getIfAvailable();
		if (dir != null) {
			dir.find(person).ifPresent(r -> notifications.sendMail(r.email(), r.locale(), key, args));
		}
	}

	/**
	 * Invited / completed for the wave and per org unit. A group with fewer invited than
	 * the threshold is not counted out at all; completed counts go through the disclosure
	 * gate (one unit per person who answered, keyed by a one-way hash, in a round of
	 * their own per wave), so no count of 1–4, and no difference of two counts over time
	 * or between the wave and its units, is ever shown.
	 */
	List<ResponseRate> rates(UUID waveId, int threshold) {
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT CAST(r.org_unit_id AS VARCHAR) AS unit,"
				+ " CAST(i.person_id AS VARCHAR) AS person, CASE WHEN p.person_id IS NULL THEN 0 ELSE 1 END AS done"
				+ " FROM survey_invitation i JOIN survey_wave w ON w.id = i.wave_id"
				+ " JOIN survey_roster r ON r.campaign_id = w.campaign_id AND r.person_id = i.person_id"
				+ " LEFT JOIN survey_participation p ON p.wave_id = i.wave_id AND p.person_id = i.person_id"
				+ " WHERE i.wave_id = ? ORDER BY unit, person", waveId);
		Map<String, long[]> invited = new java.util.TreeMap<>();
		Map<String, List<Contribution>> completed = new java.util.TreeMap<>();
		List<Contribution> all = new java.util.ArrayList<>();
		long invitedAll = 0;
		for (Map<String, Object> row : rows) {
			String unit = String.valueOf(row.get("unit"));
			invited.computeIfAbsent(unit, k -> new long[1])[0]++;
			completed.computeIfAbsent(unit, k -> new java.util.ArrayList<>());
			invitedAll++;
			if (((Number) row.get("done")).intValue() == 1) {
				Contribution c = Contribution.value(unitKey(waveId, (String) row.get("person")), 1);
				completed.get(unit).add(c);
				all.add(c);
			}
		}
		List<CellRequest> cells = new java.util.ArrayList<>();
		cells.add(new CellRequest("ALL", null, 0, List.of(), all));
		completed.forEach((unit, list) -> cells.add(new CellRequest(unit, "ALL", 1, List.of(), list)));
		DisclosurePolicy policy = DisclosurePolicy.defaults()
			.strengthen(Math.max(threshold, DisclosurePolicy.DEFAULT_MIN_RESPONDENTS),
					DisclosurePolicy.DEFAULT_MIN_COMMENTS, DisclosurePolicy.DEFAULT_MIN_POSITIVE_COUNT);
		List<CellResult> results = gate.evaluate(new DisclosureRequest(RATES_PRINCIPAL, Role.ADMINISTRATOR,
				waveId + ":rates", "completed", MeasureType.NUMERIC, policy, cells));
		java.util.ArrayList<ResponseRate> out = new java.util.ArrayList<>();
		for (CellResult result : results) {
			long inv = "ALL".equals(result.cellKey()) ? invitedAll : invited.get(result.cellKey())[0];
			out.add(rate(result.cellKey(), inv, result, threshold));
		}
		return out;
	}

	/**
	 * Rates are not shown to one person but on pages and reports of many: the ledger
	 * records them under no one.
	 */
	private static final PersonId RATES_PRINCIPAL = new PersonId(new UUID(0, 0));

	private static String unitKey(UUID waveId, String person) {
		// the first 16 bytes of the digest, as 32 hex characters
		return Digests.sha256Hex(waveId + "|" + person).substring(0, 32);
	}

	private ResponseRate rate(String group, long invited, CellResult completed, int threshold) {
		java.util.Locale locale = LocaleContextHolder.getLocale();
		if (invited < threshold) {
			String fewer = messages.getMessage("survey.rate.fewerThan", new Object[] { threshold }, locale);
			return new ResponseRate(group, fewer, fewer);
		}
		String done = completed instanceof Released r ? Long.toString(r.respondents()) : messages
			.getMessage(((Suppressed) completed).messageKey(), ((Suppressed) completed).messageArguments(), locale);
		return new ResponseRate(group, Long.toString(invited), done);
	}

}
