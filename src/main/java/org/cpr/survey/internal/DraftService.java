package org.cpr.survey.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.cpr.shared.PersonId;
import org.cpr.survey.Campaign;
import org.cpr.survey.SurveyConflictException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Server-side drafts, for identified modes only. Anonymous campaigns keep drafts in the
 * browser's sessionStorage; the server refuses to store them (a stored draft would tie a
 * person to answers).
 */
@Service
class DraftService {

	private final JdbcTemplate jdbc;

	private final CampaignService campaigns;

	private final Clock clock;

	DraftService(JdbcTemplate jdbc, CampaignService campaigns, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.clock = clock;
	}

	@Transactional
	void save(UUID waveId, PersonId person, Map<String, Object> answers) {
		SubmissionLimits.check(answers, null);
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		if (!c.privacyMode().identified()) {
			throw new SurveyConflictException(409, "survey.draft.anonymous");
		}
		String text = CanonicalAnswers.of(answers);
		Timestamp now = Timestamp.from(clock.instant());
		if (jdbc.update("UPDATE survey_draft SET answers = ?, updated_at = ? WHERE wave_id = ? AND person_id = ?", text,
				now, waveId, person.value()) == 0) {
			jdbc.update("INSERT INTO survey_draft (wave_id, person_id, answers, updated_at) VALUES (?,?,?,?)", waveId,
					person.value(), text, now);
		}
	}

	Optional<String> load(UUID waveId, PersonId person) {
		List<String> rows = jdbc.queryForList("SELECT answers FROM survey_draft WHERE wave_id = ? AND person_id = ?",
				String.class, waveId, person.value());
		return rows.stream().findFirst();
	}

	@Transactional
	void discard(UUID waveId, PersonId person) {
		jdbc.update("DELETE FROM survey_draft WHERE wave_id = ? AND person_id = ?", waveId, person.value());
	}

}
