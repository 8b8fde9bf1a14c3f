package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * An anonymous submission (with idempotent retry) on PostgreSQL; skipped unless
 * CPR_TEST_DB_URL is set.
 */
@SpringBootTest
@AutoConfigureMockMvc
@ActiveProfiles("test")
@org.springframework.context.annotation.Import(org.cpr.support.MutableClockConfiguration.class)
class SurveySubmissionPostgresIT {

	static final String URL = System.getenv("CPR_TEST_DB_URL");

	@BeforeAll
	static void needsPostgres() {
		if (URL == null || URL.isBlank()) {
			System.out.println("SurveySubmissionPostgresIT skipped: CPR_TEST_DB_URL is not set");
		}
		Assumptions.assumeTrue(URL != null && !URL.isBlank(), "CPR_TEST_DB_URL is not set");
	}

	@DynamicPropertySource
	static void postgres(DynamicPropertyRegistry r) {
		if (URL != null && !URL.isBlank()) {
			r.add("spring.datasource.url", () -> URL);
			r.add("spring.datasource.username", () -> System.getenv().getOrDefault("CPR_TEST_DB_USER", "postgres"));
			r.add("spring.datasource.password", () -> System.getenv().getOrDefault("CPR_TEST_DB_PASSWORD", ""));
		}
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.cpr.support.MutableClock clock;

	@Test
	void anonymousSubmissionIsStoredOnceWithALedgerMark() throws Exception {
		CprUser facilitator = person(Role.FACILITATOR);
		CprUser resident = person(Role.PARTICIPANT);
		UUID campaign = create(facilitator, "/api/v1/surveys/campaigns",
				"{\"title\":\"PG\",\"questionnaireId\":\"phq-2\",\"privacyMode\":\"ANONYMOUS\"}");
		UUID wave = create(facilitator, "/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\""
				+ LocalDate.now(clock) + "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(1) + "\"}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)))
			.andExpect(status().isNoContent());
		for (int attempt = 0; attempt < 2; attempt++) {
			mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
				.header("Idempotency-Key", "pg-key")
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":{\"1\":3,\"2\":1},\"context\":{\"pgyLevel\":\"PGY5\"}}"))
				.andExpect(attempt == 0 ? status().isCreated() : status().isOk());
		}
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM survey_response_pool WHERE wave_id = ?", Integer.class, wave))
			.as("stored once, sealed until its batch")
			.isEqualTo(1);
		clock.advance(java.time.Duration.ofDays(2));
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/report").with(as(facilitator))).andExpect(status().isOk());
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ? AND pgy_band = 'PGY4+'", Integer.class,
				wave))
			.isEqualTo(1);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ?", Integer.class, wave))
			.isEqualTo(1);
	}

	@Test
	void waveReportPassesTheGateOnPostgres() throws Exception {
		CprUser facilitator = person(Role.FACILITATOR);
		UUID campaign = create(facilitator, "/api/v1/surveys/campaigns",
				"{\"title\":\"PG report\",\"questionnaireId\":\"brs\",\"privacyMode\":\"ANONYMOUS\","
						+ "\"schedule\":{\"kind\":\"ONE_OFF\",\"firstOpensOn\":\"" + LocalDate.now(clock)
						+ "\",\"windowDays\":3}}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)))
			.andExpect(status().isNoContent());
		UUID wave = jdbc.queryForObject("SELECT id FROM survey_wave WHERE campaign_id = ?", UUID.class, campaign);
		for (int i = 0; i < 7; i++) {
			mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(person(Role.PARTICIPANT)))
				.header("Idempotency-Key", "pg-r-" + i)
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"answers\":" + brs(1 + i % 5) + ",\"context\":{\"hospital\":\"" + (i < 5 ? "UH" : "CH")
						+ "\"}}"))
				.andExpect(status().isCreated());
		}
		// Seven answers wait sealed in the pool (no batch of five can leave five behind);
		// the close releases them.
		clock.advance(java.time.Duration.ofDays(4));
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/report").with(as(facilitator)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.group == 'all')].respondents").value(7))
			.andExpect(jsonPath("$[?(@.group == 'hospital:CH')].released").value(false))
			.andExpect(jsonPath("$[?(@.group == 'hospital:UH')].released").value(false));
		// The policy was fixed in the ledger at launch, and a second look releases
		// nothing new.
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM disclosure_round_policy WHERE round_id = ?", Integer.class,
				wave.toString()))
			.isEqualTo(1);
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(as(facilitator))).andExpect(status().isOk());
	}

	/**
	 * Answers to the six BRS items, all the same (BRS is not a health screen, so its mean
	 * is reported).
	 */
	private static String brs(int value) {
		return "{"
				+ String.join(",",
						java.util.stream.IntStream.rangeClosed(1, 6).mapToObj(i -> "\"" + i + "\":" + value).toList())
				+ "}";
	}

	private UUID create(CprUser who, String path, String json) throws Exception {
		String body = mvc.perform(post(path).with(as(who)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

}
