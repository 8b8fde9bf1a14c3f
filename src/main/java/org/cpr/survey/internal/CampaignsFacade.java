package org.cpr.survey.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.PersonId;
import org.cpr.survey.Audience;
import org.cpr.survey.Campaign;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.ResponseRate;
import org.cpr.survey.SurveyCampaigns;
import org.cpr.survey.Wave;
import org.springframework.stereotype.Service;

/** {@link SurveyCampaigns} over the campaign, invitation and scheduling internals. */
@Service
class CampaignsFacade implements SurveyCampaigns {

	private final CampaignService campaigns;

	private final InvitationService invitations;

	private final WaveScheduler scheduler;

	private final IdentityAudience people;

	private final GroupLabels labels;

	CampaignsFacade(CampaignService campaigns, InvitationService invitations, WaveScheduler scheduler,
			IdentityAudience people, GroupLabels labels) {
		this.campaigns = campaigns;
		this.invitations = invitations;
		this.scheduler = scheduler;
		this.people = people;
		this.labels = labels;
	}

	@Override
	public List<Campaign> all() {
		return campaigns.all();
	}

	@Override
	public Optional<Campaign> find(UUID campaignId) {
		return campaigns.find(campaignId);
	}

	@Override
	public Optional<Campaign> campaignOfWave(UUID waveId) {
		return campaigns.campaignOfWave(waveId);
	}

	@Override
	public Optional<Wave> wave(UUID waveId) {
		return campaigns.wave(waveId);
	}

	@Override
	public List<Wave> waves(UUID campaignId) {
		return campaigns.waves(campaignId);
	}

	@Override
	public UUID create(PersonId actor, CampaignSettings settings) {
		return campaigns.create(actor, settings);
	}

	@Override
	public UUID addWave(UUID campaignId, String label, LocalDate opensOn, LocalDate closesOn) {
		return campaigns.addWave(campaignId, label, opensOn, closesOn);
	}

	@Override
	public void addToRoster(UUID campaignId, PersonId person, UUID orgUnit) {
		campaigns.addCheckedToRoster(campaignId, person, orgUnit);
	}

	@Override
	public void launch(PersonId actor, UUID campaignId) {
		campaigns.launch(actor, campaignId, people);
		scheduler.run();
	}

	@Override
	public void changePrivacy(PersonId actor, UUID campaignId, PrivacyMode mode, int minRespondents, int minComments) {
		campaigns.changePrivacy(actor, campaignId, mode, minRespondents, minComments);
	}

	@Override
	public int invite(UUID waveId) {
		return invitations.invite(waveId);
	}

	@Override
	public int remind(UUID waveId) {
		return invitations.remind(waveId);
	}

	@Override
	public List<ResponseRate> rates(UUID waveId, int threshold) {
		return invitations.rates(waveId, threshold);
	}

	@Override
	public int audienceSize(Audience audience) {
		return people.resolve(audience).size();
	}

	@Override
	public List<OrgUnitSummary> hospitals() {
		return labels.hospitals();
	}

	@Override
	public String groupLabel(String key) {
		return labels.group(key);
	}

}
