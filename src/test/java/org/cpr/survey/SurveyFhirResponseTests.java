package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.is;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Survey answers sent and given back as FHIR R4 QuestionnaireResponses. */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.cpr.support.MutableClockConfiguration.class)
class SurveyFhirResponseTests {

	static final MediaType FHIR = MediaType.parseMediaType("application/fhir+json");

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	org.cpr.support.MutableClock clock;

	final CprUser facilitator = person(Role.FACILITATOR);

	final CprUser resident = person(Role.PARTICIPANT);

	/** A launched campaign with one open wave; returns the wave id. */
	UUID openWave(String questionnaire, String mode) throws Exception {
		UUID campaign = id(mvc
			.perform(post("/api/v1/surveys/campaigns").with(as(facilitator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"title\":\"Pulse\",\"questionnaireId\":\"" + questionnaire + "\",\"privacyMode\":\"" + mode
						+ "\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		LocalDate today = LocalDate.now(clock);
		UUID wave = id(mvc
			.perform(post("/api/v1/surveys/campaigns/" + campaign + "/waves").with(as(facilitator))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"label\":\"Nov\",\"opensOn\":\"" + today.minusDays(1) + "\",\"closesOn\":\""
						+ today.plusDays(7) + "\"}"))
			.andExpect(status().isCreated())
			.andReturn());
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(facilitator)))
			.andExpect(status().isNoContent());
		return wave;
	}

	static UUID id(MvcResult r) throws Exception {
		return UUID.fromString(r.getResponse().getContentAsString().replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

	/** A PHQ-2 response coded as LOINC answers, as another system would send it. */
	static String phq2(String canonical, String code1, String code2) {
		return "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\""
				+ (canonical == null ? "" : ",\"questionnaire\":\"" + canonical + "\"") + ",\"item\":["
				+ "{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"" + code1
				+ "\"}}]},"
				+ "{\"linkId\":\"2\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"" + code2
				+ "\"}}]}]}";
	}

	MvcResult submitFhir(UUID wave, CprUser who, String key, String body, String query) throws Exception {
		return mvc
			.perform(post("/api/v1/surveys/waves/" + wave + "/responses" + query).with(as(who))
				.header("Idempotency-Key", key)
				.contentType(FHIR)
				.content(body))
			.andReturn();
	}

	/**
	 * Anonymous answers stored for the wave: readable, or still sealed in the mixing
	 * pool.
	 */
	int anonRows(UUID wave) {
		return jdbc.queryForObject(
				"SELECT (SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?)"
						+ " + (SELECT COUNT(*) FROM survey_response_pool WHERE wave_id = ?)",
				Integer.class, wave, wave);
	}

	/** Closes the wave (its first report then releases the pooled answers). */
	void close(UUID wave) throws Exception {
		clock.advance(java.time.Duration.ofDays(8));
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders
			.get("/api/v1/surveys/waves/" + wave + "/report")
			.with(as(facilitator))).andExpect(status().isOk());
	}

	@Test
	void aQuestionnaireResponseIsStoredOnceAndReplaysOnTheSameKey() throws Exception {
		UUID wave = openWave("phq-2", "ANONYMOUS");
		// "More than half the days" (2) + "Several days" (1)
		String qr = phq2("Questionnaire/phq-2|1", "LA6570-1", "LA6569-3");
		MvcResult first = submitFhir(wave, resident, "qr-1", qr, "?hospital=Central&pgyLevel=PGY3");
		MvcResult again = submitFhir(wave, resident, "qr-1", qr, "?hospital=Central&pgyLevel=PGY3");

		assertThat(first.getResponse().getStatus()).isEqualTo(201);
		assertThat(again.getResponse().getStatus()).isEqualTo(200);
		String receipt = first.getResponse().getContentAsString().replaceAll(".*\"receipt\":\"([^\"]+)\".*", "$1");
		assertThat(again.getResponse().getContentAsString()).contains(receipt).contains("\"replay\":true");
		assertThat(anonRows(wave)).isEqualTo(1);
		// the short form with the same answers is the same submission
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
			.header("Idempotency-Key", "qr-1")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"2\":1,\"1\":2}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.receipt", is(receipt)));
		assertThat(anonRows(wave)).isEqualTo(1);
		close(wave);
		assertThat(jdbc.queryForMap("SELECT answers, score, band, pgy_band FROM survey_response_anon WHERE wave_id = ?",
				wave))
			.containsEntry("answers", "{\"1\":2,\"2\":1}")
			.containsEntry("band", "positive")
			.containsEntry("pgy_band", "PGY2-3");
	}

	@Test
	void aBadAnswerIsA422NamingTheItemAndConsumesNothing() throws Exception {
		UUID wave = openWave("phq-2", "ANONYMOUS");
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
			.header("Idempotency-Key", "qr-2")
			.contentType(FHIR)
			.content(phq2(null, "LA6570-1", "LA0000-0")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.errors.2", is("answer.notAChoice")));
		String missing = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":["
				+ "{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"code\":\"LA6570-1\"}}]}]}";
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
			.header("Idempotency-Key", "qr-2")
			.contentType(FHIR)
			.content(missing))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.2", is("answer.required")));
		for (String junk : new String[] { "{\"resourceType\":\"Patient\"}", "{", "[]", "null" }) {
			mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
				.header("Idempotency-Key", "qr-2")
				.contentType(FHIR)
				.content(junk))
				.andExpect(status().isUnprocessableContent())
				.andExpect(jsonPath("$.errors.resource", is("response.unreadable")));
		}
		assertThat(anonRows(wave)).isZero();
		assertThat(submitFhir(wave, resident, "qr-2", phq2(null, "LA6570-1", "LA6568-5"), "").getResponse().getStatus())
			.isEqualTo(201);
	}

	@Test
	void aResponseToAnotherQuestionnaireIsA422() throws Exception {
		UUID wave = openWave("phq-2", "ANONYMOUS");
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
			.header("Idempotency-Key", "qr-3")
			.contentType(FHIR)
			.content(phq2("Questionnaire/gad-2|1", "LA6570-1", "LA6569-3")))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors.questionnaire", is("response.wrongQuestionnaire")));
		assertThat(anonRows(wave)).isZero();
	}

	@Test
	void myAnswersToAnIdentifiedWaveComeBackAsAQuestionnaireResponseThatCanBeSentAgain() throws Exception {
		UUID wave = openWave("phq-2", "CONFIDENTIAL");
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(resident))
			.header("Idempotency-Key", "k")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":2,\"2\":1}}")).andExpect(status().isCreated());

		MvcResult mine = mvc.perform(get("/api/v1/surveys/waves/" + wave + "/responses/mine").with(as(resident)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(FHIR))
			.andReturn();
		String exported = mine.getResponse().getContentAsString();
		QuestionnaireResponse qr = FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(QuestionnaireResponse.class, exported);
		assertThat(qr.getQuestionnaire()).isEqualTo("Questionnaire/phq-2|1");
		assertThat(qr.hasSubject()).as("the file is the person's own; no identifier inside").isFalse();
		Coding first = qr.getItem()
			.stream()
			.filter(i -> i.getLinkId().equals("1"))
			.findFirst()
			.orElseThrow()
			.getAnswerFirstRep()
			.getValueCoding();
		assertThat(first.getCode()).isEqualTo("LA6570-1");
		assertThat(first.getDisplay()).isEqualTo("More than half the days");
		assertThat(qr.getExtensionByUrl("https://cpr.example.org/fhir/StructureDefinition/score")
			.getValue()
			.primitiveValue()).isEqualTo("3");
		assertThat(qr.getExtensionByUrl("https://cpr.example.org/fhir/StructureDefinition/band")
			.getValue()
			.primitiveValue()).isEqualTo("positive");

		// another campaign on the same questionnaire takes the exported file as is
		UUID next = openWave("phq-2", "PRIVATE_IDENTIFIED");
		assertThat(submitFhir(next, resident, "again", exported, "").getResponse().getStatus()).isEqualTo(201);
		assertThat(jdbc.queryForObject("SELECT answers FROM survey_response_identified WHERE wave_id = ?", String.class,
				next))
			.isEqualTo(jdbc.queryForObject("SELECT answers FROM survey_response_identified WHERE wave_id = ?",
					String.class, wave));
		assertThat(jdbc.queryForObject(
				"SELECT COUNT(*) FROM audit_log WHERE action = 'SURVEY_ANSWERS_EXPORTED' AND record_id = ?",
				Integer.class, wave.toString()))
			.isEqualTo(1);

		// and the done page offers the same file to a signed-in person
		mvc.perform(get("/surveys/waves/" + wave + "/done").with(as(resident)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/surveys/waves/" + wave + "/answers.fhir.json")))
			.andExpect(content().string(containsString("Download my answers (FHIR)")));
		mvc.perform(get("/surveys/waves/" + wave + "/answers.fhir.json").with(as(resident)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith(FHIR))
			.andExpect(content().string(containsString("LA6570-1")));
	}

	@Test
	void nobodyCanGetAnswersBackFromAnAnonymousWave() throws Exception {
		UUID wave = openWave("phq-2", "ANONYMOUS");
		assertThat(submitFhir(wave, resident, "qr-5", phq2(null, "LA6570-1", "LA6569-3"), "").getResponse().getStatus())
			.isEqualTo(201);
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/responses/mine").with(as(resident)))
			.andExpect(status().isConflict())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.code", is("survey.export.anonymous")))
			.andExpect(jsonPath("$.detail", containsString("cannot be given back")));
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/responses/mine").with(as(resident))
			.cookie(new jakarta.servlet.http.Cookie("CPRLANG", "es")))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.detail", containsString("no pueden devolverse")));
		mvc.perform(get("/surveys/waves/" + wave + "/done").with(as(resident)))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("answers.fhir.json"))));
	}

	@Test
	void withoutAnAnswerThereIsNothingToDownload() throws Exception {
		UUID wave = openWave("phq-2", "PRIVATE_IDENTIFIED");
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/responses/mine").with(as(resident)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code", is("survey.export.none")));
		mvc.perform(get("/api/v1/surveys/waves/" + UUID.randomUUID() + "/responses/mine").with(as(resident)))
			.andExpect(status().isNotFound())
			.andExpect(jsonPath("$.code", is("survey.wave.notFound")));
	}

}
