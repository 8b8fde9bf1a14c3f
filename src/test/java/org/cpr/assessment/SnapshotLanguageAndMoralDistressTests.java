package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Issue 19: the snapshot in Spanish where a validated translation ships (same scores),
 * "English only" where none may be shipped, a changed gate question that no longer
 * blocks, and the optional moral distress step with its next step.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SnapshotLanguageAndMoralDistressTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	String page(CprUser user, int step, String lang) throws Exception {
		var request = get("/snapshot/take/" + step).with(signedIn(user));
		if (lang != null) {
			request.cookie(new Cookie("CPRLANG", lang));
		}
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	List<Map<String, Object>> results(UUID submission) {
		return jdbc.queryForList(
				"SELECT instrument_id, score, band FROM assessment_result WHERE submission_id = ? ORDER BY position",
				submission);
	}

	@Test
	void aSpanishSpeakerTakesTheSnapshotInSpanishAndScoresTheSameAsInEnglish() throws Exception {
		CprUser hablante = as(Role.PARTICIPANT);
		SnapshotDriver es = new SnapshotDriver(mvc, hablante);
		es.lang = "es";
		String first = page(hablante, 1, "es");
		assertThat(first).as("BRS: no validated Spanish version may be shipped")
			.contains("id=\"english-only\"")
			.contains("solo está disponible en inglés")
			.contains("Siguiente");

		es.answer("brs", SnapshotDriver.same(6, "3"));
		String who5 = page(hablante, 2, "es");
		assertThat(who5).contains("Me he sentido alegre y de buen humor")
			.contains("La mayor parte del tiempo")
			.contains("lang=\"es\"")
			.doesNotContain("id=\"english-only\"")
			.doesNotContain("I have felt cheerful");
		es.answer("who-5", SnapshotDriver.same(5, "3"));
		es.answer("burnout-single-item", Map.of("1", "2"));
		String phq2 = page(hablante, 4, "es");
		assertThat(phq2).contains("Poco interés o placer en hacer cosas")
			.contains("Varios días")
			.contains("Cuestionario sobre la Salud del Paciente-2")
			.contains("No se requiere permiso para reproducir");
		es.answer("phq-2", SnapshotDriver.same(2, "2"));
		assertThat(page(hablante, 5, "es")).contains("Pensamientos de que estaría mejor muerto(a)")
			.contains("Casi todos los días");
		java.util.Map<String, String> phq9 = SnapshotDriver.same(9, "1");
		es.answer("phq-9", phq9);
		assertThat(page(hablante, 6, "es"))
			.contains("Se ha sentido nervioso(a), ansioso(a) o con los nervios de punta");
		es.answer("gad-2", SnapshotDriver.same(2, "1"));
		assertThat(page(hablante, es.step + 1, "es")).as("PC-PTSD-5: no official Spanish text could be confirmed")
			.contains("Primary Care PTSD Screen")
			.contains("id=\"english-only\"")
			.contains("Este cuestionario solo está disponible en inglés");
		es.skip("pc-ptsd-5");
		UUID spanish = SnapshotWebTests.submissionId(es.skip(SnapshotDriver.LAST));

		CprUser speaker = as(Role.PARTICIPANT);
		SnapshotDriver en = new SnapshotDriver(mvc, speaker);
		assertThat(page(speaker, 1, null)).doesNotContain("id=\"english-only\"");
		en.answer("brs", SnapshotDriver.same(6, "3"));
		assertThat(page(speaker, 2, null)).contains("I have felt cheerful");
		en.answer("who-5", SnapshotDriver.same(5, "3"));
		en.answer("burnout-single-item", Map.of("1", "2"));
		en.answer("phq-2", SnapshotDriver.same(2, "2"));
		en.answer("phq-9", SnapshotDriver.same(9, "1"));
		en.answer("gad-2", SnapshotDriver.same(2, "1"));
		assertThat(page(speaker, en.step + 1, null)).contains("Primary Care PTSD Screen")
			.doesNotContain("id=\"english-only\"");
		en.skip("pc-ptsd-5");
		UUID english = SnapshotWebTests.submissionId(en.skip(SnapshotDriver.LAST));

		assertThat(results(spanish)).isNotEmpty().isEqualTo(results(english));
		assertThat(results(spanish)).anySatisfy(r -> {
			assertThat(r.get("INSTRUMENT_ID")).isEqualTo("phq-9");
			assertThat(((Number) r.get("SCORE")).doubleValue()).isEqualTo(9.0);
		});
	}

	@Test
	void anAnswerLeftBehindByAChangedGateQuestionDoesNotBlockTheStep() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		SnapshotDriver d = new SnapshotDriver(mvc, resident);
		d.answer("brs", SnapshotDriver.same(6, "3"));
		d.answer("who-5", SnapshotDriver.same(5, "3"));
		d.answer("burnout-single-item", Map.of("1", "2"));
		d.answer("phq-2", SnapshotDriver.same(2, "0"));
		d.answer("gad-2", SnapshotDriver.same(2, "0"));
		// answered "yes" and item 1, then changed the exposure question to "no": the
		// radio
		// for item 1 cannot be unselected and is still posted
		MvcResult changed = d.answer("pc-ptsd-5", Map.of("exposure", "false", "1", "true"));
		assertThat(changed.getResponse().getStatus()).isEqualTo(302);
		assertThat(SnapshotWebTests.location(changed)).isEqualTo("/snapshot/take/7");
		assertThat(page(resident, 6, null)).as("the left-over answer is not kept in the draft")
			.doesNotContainPattern("name=\"a_1\" value=\"true\"[^>]*checked");

		d.answers.put("pc-ptsd-5", Map.of("exposure", "false"));
		UUID id = SnapshotWebTests.submissionId(d.skip(SnapshotDriver.LAST));
		assertThat(jdbc.queryForObject(
				"SELECT score FROM assessment_result WHERE submission_id = ? AND instrument_id = 'pc-ptsd-5'",
				Double.class, id))
			.isZero();
	}

	@Test
	void theMoralDistressStepIsOptionalAndAnUncomfortableOrHigherReadingOffersTheEthicsConsultation() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		SnapshotDriver d = new SnapshotDriver(mvc, resident);
		d.answer("brs", SnapshotDriver.same(6, "3"));
		d.answer("who-5", SnapshotDriver.same(5, "3"));
		d.answer("burnout-single-item", Map.of("1", "2"));
		d.answer("phq-2", SnapshotDriver.same(2, "0"));
		d.answer("gad-2", SnapshotDriver.same(2, "0"));
		d.skip("pc-ptsd-5");
		String step = page(resident, 7, null);
		assertThat(step).contains("Moral Distress Thermometer")
			.contains("Step 7 of 7")
			.contains("10 — Worst possible")
			.contains("name=\"action\" value=\"skip\"");
		UUID id = SnapshotWebTests.submissionId(d.answer(SnapshotDriver.LAST, Map.of("1", "6")));
		assertThat(jdbc.queryForObject(
				"SELECT band FROM assessment_result WHERE submission_id = ? AND instrument_id = 'moral-distress-thermometer'",
				String.class, id))
			.isEqualTo("md-distressing");
		String results = mvc.perform(get("/snapshot/results/" + id).with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(results).contains("Moral Distress Thermometer")
			.contains("distressing")
			.contains("Moral Distress and Ethics Consultation");

		CprUser calm = as(Role.PARTICIPANT);
		SnapshotDriver low = new SnapshotDriver(mvc, calm);
		low.answer("brs", SnapshotDriver.same(6, "3"));
		low.answer("who-5", SnapshotDriver.same(5, "3"));
		low.answer("burnout-single-item", Map.of("1", "2"));
		low.answer("phq-2", SnapshotDriver.same(2, "0"));
		low.answer("gad-2", SnapshotDriver.same(2, "0"));
		low.skip("pc-ptsd-5");
		UUID quiet = SnapshotWebTests.submissionId(low.answer(SnapshotDriver.LAST, Map.of("1", "2")));
		assertThat(mvc.perform(get("/snapshot/results/" + quiet).with(signedIn(calm)))
			.andReturn()
			.getResponse()
			.getContentAsString()).doesNotContain("Moral Distress and Ethics Consultation");
	}

	@Test
	void resultsNameTheInstrumentsShowWholeScoresWithoutDecimalsAndKeepOneDepressionSeries() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		// first take: PHQ-2 positive, so the PHQ-9 follows and the PHQ-2 card is replaced
		new SnapshotDriver(mvc, resident).takeAll("2", "0", "2");
		// second take: PHQ-2 negative, no PHQ-9
		UUID second = SnapshotWebTests.submissionId(new SnapshotDriver(mvc, resident).takeAll("1", "0", "2"));
		String page = mvc.perform(get("/snapshot/results/" + second).with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String table = page.substring(page.indexOf("id=\"trend-table\""));
		assertThat(table).contains("Patient Health Questionnaire-2 (PHQ-2)")
			.contains("WHO-5 Well-Being Index")
			.doesNotContain(">who-5<")
			.doesNotContain(">phq-2<")
			.doesNotContain(">brs<")
			.doesNotContain(".00<");
		assertThat(page).containsPattern("<span class=\"score\">2</span>")
			.as("the PHQ-2 of both takes makes one series, though the first was followed by the PHQ-9")
			.contains("id=\"trend-phq-2\"");

		String spanish = mvc
			.perform(get("/snapshot/results/" + second).with(signedIn(resident)).cookie(new Cookie("CPRLANG", "es")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanish).contains("Cuestionario sobre la Salud del Paciente-2 (PHQ-2)");
	}

}
