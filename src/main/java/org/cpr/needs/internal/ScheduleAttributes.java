package org.cpr.needs.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.cpr.needs.Rotation;
import org.cpr.needs.RotationCatalogue;
import org.cpr.shared.PersonId;
import org.cpr.survey.Campaign;
import org.cpr.survey.CampaignSettings;
import org.cpr.survey.SenderAttributes;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SurveyCampaigns;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Attaches rotation and hospital from the schedule to the answers of the campaigns this
 * module sent, coarsened over the campaign's invitees ({@link Coarsening}) at the
 * campaign's minimum cell size.
 */
@Component
class ScheduleAttributes implements SenderAttributes {

	private final JdbcClient jdbc;

	private final RotationCatalogue catalogue;

	private final SurveyCampaigns campaigns;

	ScheduleAttributes(JdbcClient jdbc, RotationCatalogue catalogue, SurveyCampaigns campaigns) {
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.campaigns = campaigns;
	}

	@Override
	public boolean attaches(UUID campaignId) {
		return jdbc.sql("SELECT COUNT(*) FROM needs_campaign WHERE campaign_id = ?")
			.param(campaignId)
			.query(Integer.class)
			.single() > 0;
	}

	@Override
	public SubmissionContext attributesFor(UUID campaignId, PersonId person) {
		Map<UUID, Rotation> rotations = catalogue.byId();
		Map<PersonId, Rotation> cohort = new HashMap<>();
		// A person with two blocks in one campaign counts with the block that ended last.
		jdbc.sql("SELECT person_id, rotation_id FROM needs_block WHERE campaign_id = ? ORDER BY ends_on")
			.param(campaignId)
			.query((rs, i) -> {
				cohort.put(new PersonId(rs.getObject("person_id", UUID.class)),
						rotations.get(rs.getObject("rotation_id", UUID.class)));
				return null;
			})
			.list();
		int k = campaigns.find(campaignId).map(Campaign::minRespondents).orElse(CampaignSettings.MIN_RESPONDENTS);
		Coarsening.Attributes a = Coarsening.of(cohort, Math.max(k, CampaignSettings.MIN_RESPONDENTS)).get(person);
		return a == null ? new SubmissionContext(null, null, null)
				: new SubmissionContext(a.hospital(), a.rotation(), null);
	}

}
