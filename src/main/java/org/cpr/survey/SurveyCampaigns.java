package org.cpr.survey;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.PersonId;

/**
 * Campaigns and their waves, for facilitators: create, plan, launch, roster, invitations
 * and reminders, response rates. Refusals are {@link SurveyConflictException}s
 * ({@link CampaignRefused} for a campaign input that names its form field).
 */
public interface SurveyCampaigns {

	List<Campaign> all();

	Optional<Campaign> find(UUID campaignId);

	Optional<Campaign> campaignOfWave(UUID waveId);

	Optional<Wave> wave(UUID waveId);

	List<Wave> waves(UUID campaignId);

	UUID create(PersonId actor, CampaignSettings settings);

	UUID addWave(UUID campaignId, String label, LocalDate opensOn, LocalDate closesOn);

	/**
	 * Adds a person to the campaign's explicit roster; the campaign, person and unit must
	 * exist.
	 */
	void addToRoster(UUID campaignId, PersonId person, UUID orgUnit);

	/**
	 * Launches (freezing the privacy mode), plans the waves and sends the invitations now
	 * due.
	 */
	void launch(PersonId actor, UUID campaignId);

	void changePrivacy(PersonId actor, UUID campaignId, PrivacyMode mode, int minRespondents, int minComments);

	/** Invites the wave's roster; returns how many were invited. */
	int invite(UUID waveId);

	/** Reminds who has not completed the wave; returns how many were reminded. */
	int remind(UUID waveId);

	/**
	 * Response rates of the wave, overall first, each cell disclosure-controlled at
	 * {@code threshold}.
	 */
	List<ResponseRate> rates(UUID waveId, int threshold);

	/** How many people the audience resolves to today. */
	int audienceSize(Audience audience);

	/** The hospitals a campaign or respondent may name. */
	List<OrgUnitSummary> hospitals();

	/** The display label of a report group key (a hospital code, "all", ...). */
	String groupLabel(String key);

}
