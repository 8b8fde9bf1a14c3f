package org.cpr.needs.internal;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.needs.Rotation;
import org.cpr.needs.RotationCatalogue;
import org.cpr.needs.StressorDomain;
import org.cpr.survey.AnonymousAnswer;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SurveyCampaigns;
import org.cpr.survey.SurveyResponseSubmitted;
import org.cpr.survey.SurveyResponses;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Keeps the stressor scores of every readable anonymous answer to a needs campaign (with
 * only the coarse attributes the survey row carries), and its tip for review when the
 * answer is attributed to a rotation. Redelivery is harmless: the answer's id is the key.
 */
@Component
class ResponseRecorder {

	private final JdbcClient jdbc;

	private final SurveyCampaigns campaigns;

	private final SurveyResponses responses;

	private final RotationCatalogue catalogue;

	private final HeatMapQuery units;

	private final ObjectMapper json = new ObjectMapper();

	ResponseRecorder(JdbcClient jdbc, SurveyCampaigns campaigns, SurveyResponses responses, RotationCatalogue catalogue,
			HeatMapQuery units) {
		this.units = units;
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.responses = responses;
		this.catalogue = catalogue;
	}

	private record Sent(UUID campaign, int year, LocalDate closesOn) {
	}

	@ApplicationModuleListener
	void on(SurveyResponseSubmitted event) throws Exception {
		if (event.privacyMode() != PrivacyMode.ANONYMOUS) {
			return;
		}
		UUID campaignId = campaigns.wave(event.waveId()).map(w -> w.campaignId()).orElse(null);
		Sent sent = campaignId == null ? null : jdbc
			.sql("SELECT campaign_id, academic_year, closes_on FROM needs_campaign WHERE campaign_id = ?")
			.param(campaignId)
			.query((rs, i) -> new Sent(rs.getObject(1, UUID.class), rs.getInt(2), rs.getObject(3, LocalDate.class)))
			.optional()
			.orElse(null);
		if (sent == null) {
			return;
		}
		AnonymousAnswer answer = responses.anonymousAnswer(event.responseId()).orElse(null);
		if (answer == null) {
			return;
		}
		Map<String, Object> answers = json.readValue(answer.answersJson(), new TypeReference<Map<String, Object>>() {
		});
		record(event.responseId(), sent, answer.hospital(), answer.rotation(), answers);
	}

	/** Stores one answer's measures (and tip); also used by the demo seeder. */
	void record(UUID responseId, Sent sent, String hospital, String rotationAttribute, Map<String, Object> answers) {
		UUID rotationId = null;
		String specialty = null;
		if (rotationAttribute != null && rotationAttribute.startsWith("rot:")) {
			Rotation r = catalogue.find(UUID.fromString(rotationAttribute.substring(4))).orElse(null);
			if (r != null) {
				rotationId = r.id();
				specialty = r.specialty();
			}
		}
		else if (rotationAttribute != null && rotationAttribute.startsWith("spec:")) {
			specialty = rotationAttribute.substring(5);
		}
		Map<StressorDomain, Double> s = StressorScores.of(answers);
		int inserted = jdbc.sql(
				"INSERT INTO needs_response (id, campaign_id, academic_year, closes_on, rotation_id, specialty, hospital_code,"
						+ " workload, sleep, autonomy, team, mistreatment, adverse, ehr, home, burnout, wellbeing)"
						+ " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) ON CONFLICT DO NOTHING")
			.params(responseId, sent.campaign(), sent.year(), sent.closesOn(), rotationId, specialty, hospital,
					s.get(StressorDomain.WORKLOAD), s.get(StressorDomain.SLEEP), s.get(StressorDomain.AUTONOMY),
					s.get(StressorDomain.TEAM), s.get(StressorDomain.MISTREATMENT), s.get(StressorDomain.ADVERSE),
					s.get(StressorDomain.EHR), s.get(StressorDomain.HOME), s.get(StressorDomain.BURNOUT),
					s.get(StressorDomain.WELLBEING))
			.update();
		if (inserted == 0) {
			return; // redelivered: this answer is already counted
		}
		units.add(sent.campaign(), sent.year(), sent.closesOn(), rotationId, specialty, hospital, s);
		Object tip = answers.get("tip");
		if (rotationId != null && tip instanceof String text && !text.isBlank()) {
			jdbc.sql("INSERT INTO needs_tip (id, academic_year, closes_on, rotation_id, original, status, campaign_id)"
					+ " VALUES (?,?,?,?,?,'PENDING',?)")
				.params(UUID.randomUUID(), sent.year(), sent.closesOn(), rotationId,
						text.strip().substring(0, Math.min(2000, text.strip().length())), sent.campaign())
				.update();
		}
	}

	/** For the demo seeder: the campaign's academic year and closing day. */
	Sent sent(UUID campaignId, int year, LocalDate closesOn) {
		return new Sent(campaignId, year, closesOn);
	}

}
