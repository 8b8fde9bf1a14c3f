package org.cpr.survey.internal;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.LongitudinalCheck;
import org.cpr.survey.Wave;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;

/**
 * Invariant I-4 across the waves of one campaign: when a wave's respondents differ from
 * the previous wave's by 1 to 4 people, only the earlier wave is reported (a joiner's or
 * leaver's answers would show as the difference of the two reports). The sets compared
 * are the participation ledgers of the two waves, seen only here and never shown.
 */
@Component
class ConsecutiveWaves {

	private final JdbcTemplate jdbc;

	private final CampaignService campaigns;

	ConsecutiveWaves(JdbcTemplate jdbc, CampaignService campaigns) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
	}

	/**
	 * True when this wave must stay hidden because the previous wave of its campaign was
	 * nearly the same people.
	 */
	boolean hiddenBehindPreviousWave(Wave wave, DisclosurePolicy policy) {
		Optional<Wave> previous = campaigns.waves(wave.campaignId())
			.stream()
			.filter(w -> w.opensOn().isBefore(wave.opensOn()))
			.reduce((a, b) -> a.opensOn().isAfter(b.opensOn()) ? a : b);
		if (previous.isEmpty()) {
			return false;
		}
		Set<String> earlier = participants(previous.get().id());
		return !earlier.isEmpty() && LongitudinalCheck.compare(earlier, participants(wave.id()),
				policy) == LongitudinalCheck.Outcome.EARLIER_ONLY;
	}

	private Set<String> participants(UUID waveId) {
		List<String> people = jdbc.queryForList(
				"SELECT CAST(person_id AS VARCHAR) FROM survey_participation WHERE wave_id = ?", String.class, waveId);
		return new HashSet<>(people);
	}

}
