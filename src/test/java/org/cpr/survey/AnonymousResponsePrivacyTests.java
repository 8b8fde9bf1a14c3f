package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;

/**
 * I-12 (schema of anonymous responses) and T5 (canary: request metadata never reaches DB
 * or logs).
 */
@SpringBootTest
@AutoConfigureMockMvc
@ExtendWith(OutputCaptureExtension.class)
@org.springframework.context.annotation.Import(org.cpr.support.MutableClockConfiguration.class)
class AnonymousResponsePrivacyTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.cpr.support.MutableClock clock;

	@Test
	void anonymousResponseTableHasNoIdentifyingColumnsAndNoForeignKeys() {
		List<String> columns = jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_response_anon'",
				String.class);
		assertThat(columns).isNotEmpty()
			.noneMatch(c -> c.matches(".*(person|user|session|ip|agent|address|_at|time).*"));
		assertThat(jdbc.queryForList(
				"SELECT data_type FROM information_schema.columns WHERE table_name = 'survey_response_anon'",
				String.class))
			.noneMatch(t -> t.toUpperCase().contains("TIMESTAMP") || t.toUpperCase().contains("TIME "));
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.table_constraints"
						+ " WHERE table_name = 'survey_response_anon' AND constraint_type = 'FOREIGN KEY'",
				Integer.class))
			.isZero();
	}

	@Test
	void canaryRequestMetadataAppearsNowhereInTheDatabaseOrLogs(CapturedOutput output) throws Exception {
		CprUser facilitator = person(Role.FACILITATOR);
		CprUser resident = person(Role.PARTICIPANT);
		UUID campaign = create(facilitator, "/api/v1/surveys/campaigns",
				"{\"title\":\"Canary\",\"questionnaireId\":\"phq-2\",\"privacyMode\":\"ANONYMOUS\"}");
		LocalDate today = LocalDate.now(clock);
		UUID wave = create(facilitator, "/api/v1/surveys/campaigns/" + campaign + "/waves",
				"{\"opensOn\":\"" + today + "\",\"closesOn\":\"" + today.plusDays(3) + "\"}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)));
		MockHttpSession session = new MockHttpSession(null, "CANARYSESSION7731");
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
			.session(session)
			.header("Idempotency-Key", "canary-key")
			.header("User-Agent", "CanaryAgent/9.9.1")
			.header("X-Forwarded-For", "203.0.113.77")
			.with(r -> {
				r.setRemoteAddr("198.51.100.23");
				return r;
			})
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":1,\"2\":0}}")).andExpect(status().isCreated());
		// The wave closes and its report releases the pooled answer as a readable row.
		clock.advance(java.time.Duration.ofDays(4));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/surveys/waves/" + wave + "/report")
			.with(as(facilitator))).andExpect(status().isOk());

		String dump = String.join("\n", jdbc.queryForList("SCRIPT NOPASSWORDS NOSETTINGS", String.class));
		assertThat(dump).contains(wave.toString());
		String personId = resident.personId().toString();
		String anonRows = String.join("\n", jdbc.queryForList("SELECT CAST(id AS VARCHAR) || answers || submitted_on"
				+ " FROM survey_response_anon WHERE wave_id = ?", String.class, wave));
		for (String canary : List.of("CanaryAgent", "203.0.113.77", "198.51.100.23", "CANARYSESSION7731")) {
			assertThat(dump).doesNotContain(canary);
			assertThat(output.getAll()).doesNotContain(canary);
		}
		assertThat(anonRows).isNotEmpty().doesNotContain(personId);
		assertThat(output.getAll()).doesNotContain(personId);
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
