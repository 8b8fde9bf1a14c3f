package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.cpr.support.LinkageProbe;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #11 on PostgreSQL: known people answer an anonymous wave; a database
 * administrator then joins on everything PostgreSQL exposes (xmin equal or nearest, ctid
 * order, ids, unkeyed hashes of the answers, timestamps) from the readable answers to the
 * participation ledger. Nothing may link.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@PostgresTest
@Import(MutableClockConfiguration.class)
class AnonymousLinkagePostgresIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void noTransactionIdPhysicalOrderIdOrHashLinksAnAnswerToItsPerson() throws Exception {
		// BRS, not a health screen: the report shows the count of respondents (a PHQ-2
		// wave shows only gated positives)
		AnonymousWave w = AnonymousWave.open(mvc, LocalDate.now(clock), 2, "brs");
		Map<String, String> truth = new LinkedHashMap<>();
		for (int i = 0; i < 16; i++) {
			CprUser resident = person(Role.PARTICIPANT);
			String answers = "{\"1\":" + (1 + i / 4) + ",\"2\":" + (1 + i % 4) + ",\"3\":3,\"4\":3,\"5\":3,\"6\":3}";
			w.answer(resident, "pg-key-" + i, answers).andExpect(status().isCreated());
			truth.put(resident.personId().toString(), answers);
		}
		clock.advance(Duration.ofDays(3));
		mvc.perform(get("/api/v1/surveys/waves/" + w.wave() + "/report").with(as(w.facilitator())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.group == 'all')].respondents").value(16));

		assertThat(LinkageProbe.on(jdbc)
			.anonymous("survey_response_anon", "answers", "wave_id = '" + w.wave() + "'")
			.identified("survey_participation", "person_id", "wave_id = '" + w.wave() + "'")
			.attack(truth)).isEmpty();
	}

}
