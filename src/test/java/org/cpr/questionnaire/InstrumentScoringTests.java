package org.cpr.questionnaire;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * The shipped instruments scored through the public $score operation, against
 * instruments.md.
 */
@SpringBootTest
@AutoConfigureMockMvc
class InstrumentScoringTests {

	static final String TOKEN = "Bearer cpr_demo_participant_4f7d2c9a1b6e8035";

	@Autowired
	MockMvc mvc;

	ResultActions score(String id, String body) throws Exception {
		return mvc.perform(post("/api/v1/questionnaires/" + id + "/$score").header("Authorization", TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body));
	}

	static String answers(String... pairs) {
		return "{\"answers\":{" + String.join(",", pairs) + "}}";
	}

	static String all(int from, int to, String value) {
		return IntStream.rangeClosed(from, to).mapToObj(i -> "\"" + i + "\":" + value).collect(Collectors.joining(","));
	}

	@ParameterizedTest(name = "PHQ-9 all {0} → {1} {2}")
	@CsvSource({ "0, 0, minimal", "1, 9, mild", "3, 27, severe" })
	void phq9SumsAndBands(int each, double total, String band) throws Exception {
		score("phq-9", answers(all(1, 9, Integer.toString(each)))).andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(total))
			.andExpect(jsonPath("$.band").value(band));
	}

	@Test
	void phq9Item9AboveZeroAlwaysFlagsSafetyEvenWithATotalOfOne() throws Exception {
		score("phq-9", answers(all(1, 8, "0"), "\"9\":1")).andExpect(jsonPath("$.score").value(1.0))
			.andExpect(jsonPath("$.band").value("minimal"))
			.andExpect(jsonPath("$.flags").value(hasItem("SAFETY")));
		score("phq-9", answers(all(1, 8, "2"), "\"9\":0")).andExpect(jsonPath("$.score").value(16.0))
			.andExpect(jsonPath("$.flags").value(not(hasItem("SAFETY"))))
			.andExpect(jsonPath("$.flags").value(hasItem("POSITIVE")));
	}

	@ParameterizedTest(name = "PHQ-9 total {0} is {1}")
	@CsvSource({ "4, minimal", "5, mild", "9, mild", "10, moderate", "14, moderate", "15, moderately-severe",
			"19, moderately-severe", "20, severe" })
	void phq9BandBoundaries(int total, String band) throws Exception {
		int[] items = new int[9];
		for (int i = 0, left = total; i < 8 && left > 0; i++) {
			items[i] = Math.min(3, left);
			left -= items[i];
		}
		String body = IntStream.range(0, 9)
			.mapToObj(i -> "\"" + (i + 1) + "\":" + items[i])
			.collect(Collectors.joining(","));
		score("phq-9", answers(body)).andExpect(jsonPath("$.score").value((double) total))
			.andExpect(jsonPath("$.band").value(band));
	}

	@Test
	void shortScreensAndGad() throws Exception {
		score("phq-2", answers("\"1\":1", "\"2\":2")).andExpect(jsonPath("$.score").value(3.0))
			.andExpect(jsonPath("$.flags").value(hasItem("POSITIVE")));
		score("phq-2", answers("\"1\":1", "\"2\":1")).andExpect(jsonPath("$.band").value("negative"));
		score("gad-2", answers("\"1\":3", "\"2\":0")).andExpect(jsonPath("$.band").value("positive"));
		score("gad-7", answers(all(1, 7, "2"))).andExpect(jsonPath("$.score").value(14.0))
			.andExpect(jsonPath("$.band").value("moderate"));
		score("gad-7", answers(all(1, 7, "3"))).andExpect(jsonPath("$.score").value(21.0))
			.andExpect(jsonPath("$.band").value("severe"));
	}

	@Test
	void who5IsRawTimesFour() throws Exception {
		score("who-5", answers(all(1, 5, "5"))).andExpect(jsonPath("$.score").value(100.0))
			.andExpect(jsonPath("$.band").value("good"));
		score("who-5", answers("\"1\":3", "\"2\":3", "\"3\":2", "\"4\":2", "\"5\":2"))
			.andExpect(jsonPath("$.score").value(48.0))
			.andExpect(jsonPath("$.band").value("poor"))
			.andExpect(jsonPath("$.flags").value(hasItem("POSITIVE")));
		score("who-5", answers("\"1\":3", "\"2\":3", "\"3\":3", "\"4\":2", "\"5\":2"))
			.andExpect(jsonPath("$.score").value(52.0));
		score("who-5", answers(all(1, 5, "0"))).andExpect(jsonPath("$.score").value(0.0))
			.andExpect(jsonPath("$.band").value("likely-depression"));
	}

	@Test
	void brsReversesItemsTwoFourSixAndTakesTheMean() throws Exception {
		score("brs", answers(all(1, 6, "5"))).andExpect(jsonPath("$.score").value(3.0))
			.andExpect(jsonPath("$.band").value("normal"));
		score("brs", answers("\"1\":5", "\"2\":1", "\"3\":5", "\"4\":1", "\"5\":5", "\"6\":1"))
			.andExpect(jsonPath("$.score").value(5.0))
			.andExpect(jsonPath("$.band").value("high"));
		score("brs", answers("\"1\":1", "\"2\":5", "\"3\":1", "\"4\":5", "\"5\":1", "\"6\":5"))
			.andExpect(jsonPath("$.score").value(1.0))
			.andExpect(jsonPath("$.band").value("low"));
	}

	@Test
	void pcPtsd5GateScoresZeroAndSkipsTheItems() throws Exception {
		score("pc-ptsd-5", answers("\"exposure\":false")).andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(0.0));
		score("pc-ptsd-5", answers("\"exposure\":false", "\"1\":true")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].item").value("1"));
		score("pc-ptsd-5",
				answers("\"exposure\":true", "\"1\":true", "\"2\":true", "\"3\":true", "\"4\":false", "\"5\":false"))
			.andExpect(jsonPath("$.score").value(3.0))
			.andExpect(jsonPath("$.band").value("positive"))
			.andExpect(jsonPath("$.flags").value(hasItem("SAFETY")));
		score("pc-ptsd-5",
				answers("\"exposure\":true", "\"1\":true", "\"2\":true", "\"3\":false", "\"4\":false", "\"5\":false"))
			.andExpect(jsonPath("$.band").value("negative"))
			.andExpect(jsonPath("$.flags").isEmpty());
	}

	@Test
	void asqAnyYesIsPositiveAndQuestionFiveIsAskedOnlyThen() throws Exception {
		score("asq", answers(all(1, 4, "false"))).andExpect(jsonPath("$.band").value("negative"))
			.andExpect(jsonPath("$.flags").isEmpty());
		score("asq", answers("\"1\":false", "\"2\":true", "\"3\":false", "\"4\":false"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].item").value("5"));
		score("asq", answers("\"1\":false", "\"2\":true", "\"3\":false", "\"4\":false", "\"5\":true"))
			.andExpect(jsonPath("$.flags").value(hasItem("SAFETY")))
			.andExpect(jsonPath("$.flags").value(hasItem("ACUTE")));
	}

	@Test
	void burnoutTopOptionIsASoftSafetyFlag() throws Exception {
		score("burnout-single-item", answers("\"1\":2")).andExpect(jsonPath("$.band").value("no-burnout"));
		score("burnout-single-item", answers("\"1\":3")).andExpect(jsonPath("$.band").value("burnout"))
			.andExpect(jsonPath("$.flags").value(not(hasItem("SAFETY"))));
		score("burnout-single-item", answers("\"1\":5")).andExpect(jsonPath("$.flags").value(hasItem("SAFETY")));
	}

	@Test
	void cbiHasThreeSubscalesWithItemThirteenReversed() throws Exception {
		String body = answers(all(1, 6, "50"), all(7, 12, "75"), "\"13\":0", all(14, 19, "25"));
		score("cbi", body).andExpect(status().isOk())
			.andExpect(jsonPath("$.subscales.personal").value(50.0))
			.andExpect(jsonPath("$.subscales.work").value(org.hamcrest.Matchers.closeTo(78.57, 0.01)))
			.andExpect(jsonPath("$.score").value(org.hamcrest.Matchers.closeTo(78.57, 0.01)))
			.andExpect(jsonPath("$.band").value("high"))
			.andExpect(jsonPath("$.subscales.patient").value(25.0));
	}

	@Test
	void badAnswersAreRejectedNamingTheItemNeverCoerced() throws Exception {
		String eight = all(1, 8, "0");
		for (String bad : new String[] { "-1", "4", "3.5", "\"3\"", "null", "true" }) {
			score("phq-9", answers(eight, "\"9\":" + bad)).andExpect(status().isUnprocessableContent())
				.andExpect(content().contentType(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.errors[0].item").value("9"));
		}
		score("phq-9", answers(eight)).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("answer.required"));
		score("phq-9", answers(eight, "\"9\":0", "\"42\":1")).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].item").value("42"));
		score("phq-9", "{\"answers\":{" + eight + ",\"9\":1},\"score\":0,\"total\":0}").andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(1.0));
		score("phq-9", "not json").andExpect(status().isUnprocessableContent());
		score("phq-9", "{}").andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].item").value("answers"));
		score("no-such-instrument", answers(eight)).andExpect(status().isNotFound());
	}

	@Test
	void aFhirQuestionnaireResponseIsScoredByItsAnswerCodes() throws Exception {
		StringBuilder items = new StringBuilder();
		for (int i = 1; i <= 9; i++) {
			String code = i == 9 ? "LA6569-3" : "LA6570-1";
			items.append(i > 1 ? "," : "")
				.append("{\"linkId\":\"")
				.append(i)
				.append("\",\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"")
				.append(code)
				.append("\"}}]}");
		}
		String qr = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":[" + items + "]}";
		score("phq-9", qr).andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(17.0))
			.andExpect(jsonPath("$.flags").value(hasItem("SAFETY")));
		String duplicated = qr.replace("]}]}",
				"]},{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"code\":\"LA6568-5\"}}]}]}");
		score("phq-9", duplicated).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("answer.duplicate"));
		String unknownCode = qr.replace("LA6569-3", "LA9999-9");
		score("phq-9", unknownCode).andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].item").value("9"));
	}

	@Test
	void everyShippedInstrumentIsListed() throws Exception {
		mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get("/api/v1/questionnaires")
			.header("Authorization", TOKEN))
			// The ten shipped instruments are there (the library also holds the
			// institution's own, e.g. the demo CQI form).
			.andExpect(jsonPath("$[*].definitionId").value(org.hamcrest.Matchers.hasItems("phq-9", "phq-2", "gad-7",
					"gad-2", "who-5", "brs", "pc-ptsd-5", "asq", "burnout-single-item", "cbi")));
	}

}
