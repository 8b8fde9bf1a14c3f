package org.cpr.survey;

import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The wave report goes through the DisclosureGate: small hospitals are suppressed and
 * cannot be derived.
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.cpr.support.MutableClockConfiguration.class)
class WaveReportTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	org.cpr.support.MutableClock clock;

	final CprUser facilitator = person(Role.FACILITATOR);

	@Test
	void smallHospitalIsSuppressedAndItsComplementIsNotReleased() throws Exception {
		UUID campaign = create("/api/v1/surveys/campaigns",
				"{\"title\":\"R\",\"questionnaireId\":\"brs\",\"privacyMode\":\"ANONYMOUS\"}");
		UUID wave = create("/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\"" + LocalDate.now(clock)
				+ "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(2) + "\"}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)));
		for (int i = 0; i < 8; i++) {
			String hospital = i < 6 ? "UH" : "CH";
			int v = 1 + i % 5;
			mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(person(Role.PARTICIPANT)))
				.header("Idempotency-Key", "k" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":{\"1\":" + v + ",\"2\":" + v + ",\"3\":" + v + ",\"4\":" + v + ",\"5\":" + v
						+ ",\"6\":" + v + "},\"context\":{\"hospital\":\"" + hospital + "\"}}"))
				.andExpect(status().isCreated());
		}
		// Eight pooled answers stay sealed while the wave is open; its close releases
		// them together.
		clock.advance(java.time.Duration.ofDays(3));
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/report").with(as(facilitator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.group == 'all')].respondents").value(8))
			.andExpect(jsonPath("$[?(@.group == 'hospital:CH')].released").value(false))
			.andExpect(jsonPath("$[?(@.group == 'hospital:CH')].suppressedMessage").value("fewer than 5 responses"))
			.andExpect(jsonPath("$[?(@.group == 'hospital:UH')].released").value(false));
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/report").with(as(person(Role.PARTICIPANT))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/response-rate").with(as(person(Role.PARTICIPANT))))
			.andExpect(status().isForbidden());
	}

	@Autowired
	org.springframework.jdbc.core.JdbcTemplate jdbc;

	@Test
	void aVeryLargeWaveIsReportedFromBaseCellsOnlyOnceClosedAndComputedOnce() throws Exception {
		UUID campaign = create("/api/v1/surveys/campaigns",
				"{\"title\":\"Large\",\"questionnaireId\":\"brs\",\"privacyMode\":\"ANONYMOUS\"}");
		UUID open = create("/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\""
				+ LocalDate.now(clock).minusDays(3) + "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(2) + "\"}");
		UUID closed = create("/api/v1/surveys/campaigns/" + campaign + "/waves",
				"{\"opensOn\":\"" + LocalDate.now(clock).minusDays(30) + "\",\"closesOn\":\""
						+ LocalDate.now(clock).minusDays(2) + "\"}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)));
		int n = 20_000 + 40; // above the respondent-level limit of the wave report
		for (UUID wave : java.util.List.of(open, closed)) {
			java.util.List<Object[]> rows = new java.util.ArrayList<>();
			for (int i = 0; i < n; i++) {
				rows.add(new Object[] { UUID.randomUUID(), wave, LocalDate.now(clock).minusDays(5),
						i % 3 == 0 ? "CH" : "UH", i % 2 == 0 ? "PGY1" : "PGY2-3", i % 7 });
			}
			jdbc.batchUpdate(
					"INSERT INTO survey_response_anon (id, wave_id, submitted_on, hospital, pgy_band, answers, score)"
							+ " VALUES (?,?,?,?,?,'{}',?)",
					rows);
		}
		mvc.perform(get("/api/v1/surveys/waves/" + open + "/report").with(as(facilitator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.length()").value(0));
		mvc.perform(get("/surveys/waves/" + open + "/report").with(as(facilitator)))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("its report appears when it closes")));
		for (int call = 0; call < 2; call++) {
			mvc.perform(get("/api/v1/surveys/waves/" + closed + "/report").with(as(facilitator)))
				.andExpect(status().isOk())
				.andExpect(jsonPath("$[?(@.group == 'all')].respondents").value(n))
				.andExpect(jsonPath("$[?(@.group == 'hospital:CH')].released").value(true));
		}
		org.assertj.core.api.Assertions
			.assertThat(jdbc.queryForObject("SELECT SUM(n) FROM survey_wave_aggregate WHERE wave_id = ?", Long.class,
					closed))
			.isEqualTo((long) n);
	}

	private UUID create(String path, String json) throws Exception {
		String body = mvc
			.perform(post(path).with(as(facilitator)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

}
