package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.cpr.support.LinkageProbe;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Issue #11 on H2: sixteen known people answer an anonymous wave; a database reader then
 * tries every join H2 shows (physical row order, ids, unkeyed answer hashes, timestamps)
 * from the readable answers to the participation ledger. Runs with the production default
 * batch (k = 5). The wave is a BRS wave, not a health screen: sixteen distinct answers to
 * a screen would have 1-10 positives, a count the report never shows, and this test reads
 * the report's respondent count.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class AnonymousLinkageTests {

	static final int PEOPLE = 16;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Test
	void noJoinLinksAReadableAnswerToThePersonWhoGaveIt() throws Exception {
		AnonymousWave w = AnonymousWave.open(mvc, LocalDate.now(clock), 2, "brs");
		Map<String, String> truth = new LinkedHashMap<>();
		for (int i = 0; i < PEOPLE; i++) {
			CprUser resident = person(Role.PARTICIPANT);
			String answers = "{\"1\":" + (1 + i / 4) + ",\"2\":" + (1 + i % 4) + ",\"3\":3,\"4\":3,\"5\":3,\"6\":3}";
			w.answer(resident, "key-" + i, answers).andExpect(status().isCreated());
			truth.put(resident.personId().toString(), answers);
		}
		clock.advance(Duration.ofDays(3));
		mvc.perform(get("/api/v1/surveys/waves/" + w.wave() + "/report").with(as(w.facilitator())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.group == 'all')].respondents").value(PEOPLE));

		assertThat(LinkageProbe.on(jdbc)
			.anonymous("survey_response_anon", "answers", "wave_id = '" + w.wave() + "'")
			.identified("survey_participation", "person_id", "wave_id = '" + w.wave() + "'")
			.attack(truth)).isEmpty();
		assertThat(jdbc.queryForList("SELECT DISTINCT submitted_on FROM survey_response_anon WHERE wave_id = ?",
				LocalDate.class, w.wave()))
			.allSatisfy(d -> assertThat(d).isBeforeOrEqualTo(w.closesOn()));
	}

	@Test
	void answersStaySealedUntilABatchOfFiveCanBeReleasedTogether() throws Exception {
		AnonymousWave w = AnonymousWave.open(mvc, LocalDate.now(clock), 5);
		for (int i = 0; i < 9; i++) {
			w.answer(person(Role.PARTICIPANT), "k" + i, "{\"1\":" + (i % 4) + ",\"2\":3}")
				.andExpect(status().isCreated());
		}
		assertThat(count("SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?", w.wave())).isZero();
		String pooled = String.join("\n", jdbc.queryForList(
				"SCRIPT NOPASSWORDS NOSETTINGS TABLE survey_response_pool, survey_idempotency, survey_participation",
				String.class));
		assertThat(pooled).as("only ciphertext waits in the pool")
			.contains(w.wave().toString())
			.doesNotContain("\"1\":");
		w.answer(person(Role.PARTICIPANT), "k9", "{\"1\":0,\"2\":0}").andExpect(status().isCreated());
		// Ten pooled: five move together, five stay back so the wave's last batch is
		// never smaller.
		assertThat(count("SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?", w.wave())).isEqualTo(5);
		assertThat(count("SELECT COUNT(DISTINCT submitted_on) FROM survey_response_anon WHERE wave_id = ?", w.wave()))
			.isEqualTo(1);
		assertThat(count("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?", w.wave())).isEqualTo(10);
	}

	@Test
	void aRetryIsAnsweredWithTheOriginalReceiptEvenAfterTheAnswerWasReleased() throws Exception {
		AnonymousWave w = AnonymousWave.open(mvc, LocalDate.now(clock), 2);
		CprUser resident = person(Role.PARTICIPANT);
		String first = w.answer(resident, "retry-key", "{\"1\":2,\"2\":1}")
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		clock.advance(Duration.ofDays(3));
		mvc.perform(get("/api/v1/surveys/waves/" + w.wave() + "/report").with(as(w.facilitator())))
			.andExpect(status().isOk());
		assertThat(count("SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?", w.wave())).isEqualTo(1);
		// Back inside the wave: a client retrying a submission whose answer already left
		// the pool.
		clock.advance(Duration.ofDays(-3));
		String again = w.answer(resident, "retry-key", "{\"1\":2,\"2\":1}")
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(again.replace("true", "false")).isEqualTo(first);
		w.answer(resident, "retry-key", "{\"1\":0,\"2\":1}").andExpect(status().isUnprocessableContent());
	}

	private int count(String sql, UUID wave) {
		Integer n = jdbc.queryForObject(sql, Integer.class, wave);
		return n == null ? 0 : n;
	}

}
