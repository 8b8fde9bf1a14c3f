package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpr.survey.ResponseRate;
import org.cpr.survey.SurveyRates;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

@Service
class HospitalSurveyRates implements SurveyRates {

	private final JdbcTemplate jdbc;

	private final InvitationService invitations;

	private final Clock clock;

	HospitalSurveyRates(JdbcTemplate jdbc, InvitationService invitations, Clock clock) {
		this.jdbc = jdbc;
		this.invitations = invitations;
		this.clock = clock;
	}

	@Override
	public List<WaveRate> forHospital(String hospitalCode, int limit) {
		record Row(UUID wave, String title, String label, LocalDate opens, LocalDate closes, int threshold) {
		}
		List<Row> rows = jdbc.query("SELECT w.id, c.title, w.label, w.opens_on, w.closes_on, c.min_respondents"
				+ " FROM survey_wave w JOIN survey_campaign c ON c.id = w.campaign_id"
				+ " WHERE c.status = 'LAUNCHED' AND c.hospital = ? AND w.opens_on <= ? ORDER BY w.opens_on DESC",
				(rs, i) -> new Row(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
						rs.getObject(4, LocalDate.class), rs.getObject(5, LocalDate.class), rs.getInt(6)),
				hospitalCode, LocalDate.now(clock));
		return rows.stream().limit(Math.max(0, limit)).map(r -> {
			ResponseRate rate = invitations.rates(r.wave(), r.threshold()).get(0);
			return new WaveRate(r.title(), r.label(), r.opens(), r.closes(), rate.invited(), rate.completed());
		}).toList();
	}

}
