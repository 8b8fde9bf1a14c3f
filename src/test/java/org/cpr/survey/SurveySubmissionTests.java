package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
@org.springframework.context.annotation.Import(org.cpr.support.MutableClockConfiguration.class)
class SurveySubmissionTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	org.cpr.support.MutableClock clock;

	@Autowired
	org.cpr.shared.KeyedHash keyed;

	final CprUser facilitator = person(Role.FACILITATOR);

	final CprUser resident = person(Role.PARTICIPANT);

	UUID campaign;

	UUID wave;

	@BeforeEach
	void anonymousCampaignWithOpenWave() throws Exception {
		campaign = launchedCampaign("ANONYMOUS");
	}

	UUID launchedCampaign(String mode) throws Exception {
		UUID id = id(mvc
			.perform(post("/api/v1/surveys/campaigns").with(as(facilitator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Pulse\",\"questionnaireId\":\"phq-2\",\"privacyMode\":\"" + mode + "\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		LocalDate today = LocalDate.now(clock);
		wave = id(mvc
			.perform(post("/api/v1/surveys/campaigns/" + id + "/waves").with(as(facilitator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"label\":\"Nov\",\"opensOn\":\"" + today.minusDays(1) + "\",\"closesOn\":\""
						+ today.plusDays(7) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		mvc.perform(post("/api/v1/surveys/campaigns/" + id + "/launch").with(as(facilitator)))
			.andExpect(status().isNoContent());
		return id;
	}

	private static UUID id(MvcResult r) throws Exception {
		String body = r.getResponse().getContentAsString();
		return UUID.fromString(body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

	MvcResult submit(CprUser who, String key, String answers) throws Exception {
		var req = post("/api/v1/surveys/waves/" + wave + "/responses").with(as(who))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":" + answers + ",\"context\":{\"hospital\":\"Central\",\"pgyLevel\":\"PGY3\"}}");
		if (key != null) {
			req.header("Idempotency-Key", key);
		}
		return mvc.perform(req).andReturn();
	}

	/**
	 * Anonymous answers stored for the wave: readable, or still sealed in the mixing
	 * pool.
	 */
	int anonRows() {
		return jdbc.queryForObject(
				"SELECT (SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?)"
						+ " + (SELECT COUNT(*) FROM survey_response_pool WHERE wave_id = ?)",
				Integer.class, wave, wave);
	}

	/** Closes the wave; its first report releases the pooled answers as readable rows. */
	void close() throws Exception {
		clock.advance(java.time.Duration.ofDays(8));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/surveys/waves/" + wave + "/report")
			.with(as(facilitator))).andExpect(status().isOk());
	}

	@Test
	void doubleSubmitStoresOneResponseAndShowsTheSameReceipt() throws Exception {
		MvcResult first = submit(resident, "k-1", "{\"1\":2,\"2\":1}");
		MvcResult again = submit(resident, "k-1", "{\"2\":1,\"1\":2}");
		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		assertThat(again.getResponse().getContentAsString())
			.contains(first.getResponse().getContentAsString().replaceAll(".*\"receipt\":\"([^\"]+)\".*", "$1"));
		assertThat(anonRows()).isEqualTo(1);
		close();
		assertThat(
				jdbc.queryForObject("SELECT pgy_band FROM survey_response_anon WHERE wave_id = ?", String.class, wave))
			.isEqualTo("PGY2-3");
	}

	@Test
	void aSubmissionACrashLeftInFlightCanBeRetriedAfterTheTimeout() throws Exception {
		// A crash between the committed claim and the stored answer leaves the claim in
		// flight.
		String keyHash = keyed.hex("survey-idempotency-key", wave + "|" + resident.personId() + "|" + "k-crash");
		jdbc.update(
				"INSERT INTO survey_idempotency (key_hash, payload_hash, state, created_on, claimed_at)"
						+ " VALUES (?, 'p', 'IN_FLIGHT', ?, ?)",
				keyHash, LocalDate.now(clock), java.sql.Timestamp.from(clock.instant()));
		assertThat(submit(resident, "k-crash", "{\"1\":2,\"2\":1}").getResponse().getStatus()).as("still in flight")
			.isEqualTo(409);
		clock.advance(java.time.Duration.ofMinutes(6));
		assertThat(submit(resident, "k-crash", "{\"1\":2,\"2\":1}").getResponse().getStatus())
			.as("taken over after cpr.idempotency.in-flight-timeout")
			.isEqualTo(201);
		assertThat(submit(resident, "k-crash", "{\"1\":2,\"2\":1}").getResponse().getStatus()).as("then replays")
			.isEqualTo(200);
		assertThat(anonRows()).isEqualTo(1);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM survey_idempotency WHERE key_hash = ? AND claimed_at IS NULL"
						+ " AND state = 'DONE'", Integer.class, keyHash))
			.as("a finished claim keeps only its day")
			.isEqualTo(1);
	}

	@Test
	void sameKeyWithDifferentAnswersIsRefused() throws Exception {
		submit(resident, "k-2", "{\"1\":2,\"2\":0}");
		MvcResult r = submit(resident, "k-2", "{\"1\":3,\"2\":0}");
		assertThat(r.getResponse().getStatus()).isEqualTo(422);
		assertThat(anonRows()).isEqualTo(1);
	}

	@Test
	void anotherUsersSameKeyDoesNotHitTheFirstUsersResult() throws Exception {
		submit(resident, "shared-key", "{\"1\":2,\"2\":0}");
		MvcResult other = submit(person(Role.PARTICIPANT), "shared-key", "{\"1\":3,\"2\":0}");
		assertThat(other.getResponse().getStatus()).isEqualTo(201);
		assertThat(anonRows()).isEqualTo(2);
	}

	@Test
	void secondSubmissionWithANewKeyIsRefusedBecauseTheWaveIsCompleted() throws Exception {
		submit(resident, "k-a", "{\"1\":2,\"2\":0}");
		assertThat(submit(resident, "k-b", "{\"1\":2,\"2\":0}").getResponse().getStatus()).isEqualTo(409);
		assertThat(anonRows()).isEqualTo(1);
	}

	@Test
	void missingKeyIsAProblemDetail() throws Exception {
		MvcResult r = submit(resident, null, "{\"1\":2,\"2\":0}");
		assertThat(r.getResponse().getStatus()).isEqualTo(400);
		assertThat(r.getResponse().getContentType()).contains("problem+json");
		assertThat(anonRows()).isZero();
	}

	@Test
	void outOfRangeAnswerIsRejectedNamingTheItem() throws Exception {
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
			.header("Idempotency-Key", "k-3")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":2,\"2\":99}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.2", is("answer.notAChoice")));
		assertThat(anonRows()).isZero();
		// the key was not consumed: the corrected answers go through with the same key
		assertThat(submit(resident, "k-3", "{\"1\":2,\"2\":1}").getResponse().getStatus()).isEqualTo(201);
	}

	@Test
	void ledgerRecordsCompletionWithoutAnyLinkToTheResponse() throws Exception {
		submit(resident, "k-4", "{\"1\":2,\"2\":0}");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_participation WHERE wave_id = ? AND person_id = ?",
				Integer.class, wave, resident.personId().value()))
			.isEqualTo(1);
		assertThat(jdbc.queryForList(
				"SELECT column_name FROM information_schema.columns WHERE table_name = 'survey_participation'",
				String.class))
			.containsExactlyInAnyOrder("wave_id", "person_id");
		close();
		String responseId = jdbc.queryForObject(
				"SELECT CAST(id AS VARCHAR) FROM survey_response_anon WHERE wave_id = ?", String.class, wave);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_idempotency WHERE receipt = ? OR key_hash = ?",
				Integer.class, responseId, responseId))
			.isZero();
	}

	@Test
	void anonymousEventCarriesNoPerson() throws Exception {
		submit(resident, "k-5", "{\"1\":2,\"2\":3}");
		assertThat(events.stream(SurveyResponseSubmitted.class)).as("nothing readable before its batch").isEmpty();
		close();
		assertThat(events.stream(SurveyResponseSubmitted.class)).singleElement().satisfies(e -> {
			assertThat(e.personId()).isNull();
			assertThat(e.privacyMode()).isEqualTo(PrivacyMode.ANONYMOUS);
			assertThat(e.score()).isEqualByComparingTo("5");
			assertThat(e.waveId()).isEqualTo(wave);
		});
	}

	@Test
	void confidentialEventAndRowCarryThePerson() throws Exception {
		launchedCampaign("CONFIDENTIAL");
		submit(resident, "k-6", "{\"1\":1,\"2\":0}");
		assertThat(events.stream(SurveyResponseSubmitted.class)).singleElement()
			.satisfies(e -> assertThat(e.personId()).isEqualTo(resident.personId()));
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM survey_response_identified WHERE wave_id = ? AND person_id = ?", Integer.class,
				wave, resident.personId().value()))
			.isEqualTo(1);
	}

	@Test
	void privacyModeCannotChangeAfterLaunchAndTheAttemptIsAudited() throws Exception {
		mvc.perform(put("/api/v1/surveys/campaigns/" + campaign + "/privacy").with(as(facilitator))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"privacyMode\":\"CONFIDENTIAL\"}")).andExpect(status().isConflict());
		assertThat(jdbc.queryForObject("SELECT privacy_mode FROM survey_campaign WHERE id = ?", String.class, campaign))
			.isEqualTo("ANONYMOUS");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM audit_log WHERE action = 'SURVEY_PRIVACY_CHANGE_REJECTED'"
				+ " AND record_id = ? AND outcome = 'DENIED'", Integer.class, campaign.toString()))
			.isEqualTo(1);
	}

	@Test
	void identifiedDraftIsKeptOnTheServerUntilSubmitted() throws Exception {
		launchedCampaign("CONFIDENTIAL");
		mvc.perform(put("/api/v1/surveys/waves/" + wave + "/draft").with(as(resident))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":2}}")).andExpect(status().isNoContent());
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/surveys/waves/" + wave + "/draft")
			.with(as(resident))).andExpect(status().isOk()).andExpect(jsonPath("$.answers.1", is(2)));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/surveys/waves/" + wave + "/draft")
			.with(as(person(Role.PARTICIPANT)))).andExpect(status().isNotFound());
		submit(resident, "k-d", "{\"1\":2,\"2\":0}");
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/surveys/waves/" + wave + "/draft")
			.with(as(resident))).andExpect(status().isNotFound());
	}

	@Test
	void anonymousDraftsAreNeverStoredOnTheServer() throws Exception {
		mvc.perform(put("/api/v1/surveys/waves/" + wave + "/draft").with(as(resident))
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":2}}")).andExpect(status().isConflict());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM survey_draft WHERE wave_id = ?", Integer.class, wave))
			.isZero();
	}

}
