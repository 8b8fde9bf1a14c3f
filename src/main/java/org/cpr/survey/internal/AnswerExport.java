package org.cpr.survey.internal;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.survey.Campaign;
import org.cpr.survey.SurveyConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * A person's own answer to an identified survey wave as a FHIR R4 QuestionnaireResponse.
 * Anonymous answers are never linked to anyone, so they cannot be given back: that
 * request is refused for every anonymous wave, whether or not the person answered it.
 */
@Service
class AnswerExport {

	private static final ObjectMapper JSON = JsonMapper.builder()
		.enable(JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS)
		.build();

	private final JdbcTemplate jdbc;

	private final CampaignService campaigns;

	private final InstrumentScorer scorer;

	private final AuditPort audit;

	AnswerExport(JdbcTemplate jdbc, CampaignService campaigns, InstrumentScorer scorer, AuditPort audit) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.scorer = scorer;
		this.audit = audit;
	}

	/** Whether this wave's answers can be given back to the person who gave them. */
	boolean exportable(Campaign campaign) {
		return campaign.privacyMode().identified();
	}

	/**
	 * The person's answer to the wave as QuestionnaireResponse JSON; 404 without one, 409
	 * for anonymous waves.
	 */
	String mine(UUID waveId, PersonId person) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		if (!exportable(c)) {
			throw new SurveyConflictException(409, "survey.export.anonymous");
		}
		List<Map<String, Object>> rows = jdbc.queryForList("SELECT answers, score, band, submitted_at FROM"
				+ " survey_response_identified WHERE wave_id = ? AND person_id = ?", waveId, person.value());
		if (rows.isEmpty()) {
			throw new SurveyConflictException(404, "survey.export.none");
		}
		Map<String, Object> row = rows.get(0);
		Map<String, Object> answers;
		try {
			answers = JSON.readValue((String) row.get("answers"), new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (JacksonException e) {
			throw new IllegalStateException("stored survey answers are unreadable");
		}
		BigDecimal score = row.get("score") instanceof BigDecimal b ? b
				: row.get("score") instanceof Number n ? new BigDecimal(n.toString()) : null;
		java.time.Instant authored = row.get("submitted_at") instanceof Timestamp t ? t.toInstant()
				: row.get("submitted_at") instanceof java.time.OffsetDateTime o ? o.toInstant() : null;
		String json = scorer.write(c, answers, score, (String) row.get("band"), authored);
		audit.record(AuditEntry.selfService(person, "SURVEY_ANSWERS_EXPORTED", "survey_wave", waveId.toString())
			.detail("fhir"));
		return json;
	}

}
