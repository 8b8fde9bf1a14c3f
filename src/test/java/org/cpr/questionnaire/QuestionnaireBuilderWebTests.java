package org.cpr.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The facilitator's questionnaire builder, through its pages as a browser without
 * JavaScript uses them.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionnaireBuilderWebTests {

	static final String PARTICIPANT_TOKEN = "Bearer cpr_demo_participant_4f7d2c9a1b6e8035";

	@Autowired
	MockMvc mvc;

	@Autowired
	QuestionnaireLibrary library;

	final CprUser facilitator = as(Role.FACILITATOR);

	@Test
	void onlyFacilitatorsAndSystemAdministratorsReachTheBuilder() throws Exception {
		mvc.perform(get("/questionnaires/builder").with(signedIn(facilitator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"create-questionnaire\"")));
		mvc.perform(get("/questionnaires/builder").with(signedIn(as(Role.SYSTEM_ADMIN)))).andExpect(status().isOk());
		for (Role role : List.of(Role.PARTICIPANT, Role.ADMINISTRATOR, Role.PROGRAM_DIRECTOR,
				Role.RESILIENCE_CLINICIAN)) {
			mvc.perform(get("/questionnaires/builder").with(signedIn(as(role)))).andExpect(status().isForbidden());
			mvc.perform(post("/questionnaires/builder").with(signedIn(as(role)))
				.with(csrf())
				.param("id", "x-" + role.name().toLowerCase())
				.param("title", "X")).andExpect(status().isForbidden());
		}
		mvc.perform(get("/questionnaires").with(signedIn(facilitator)))
			.andExpect(content().string(containsString("href=\"/questionnaires/builder\"")));
	}

	@Test
	void aBadOrTakenIdIsRefusedAtTheFieldAndWhatWasTypedStays() throws Exception {
		mvc.perform(post("/questionnaires/builder").with(signedIn(facilitator))
			.with(csrf())
			.param("id", "Night Shift!")
			.param("title", "Night shift check"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"err-new-id\"")))
			.andExpect(content().string(containsString("Use lower-case letters, digits and dashes")))
			.andExpect(content().string(containsString("value=\"Night Shift!\"")))
			.andExpect(content().string(containsString("value=\"Night shift check\"")));
		mvc.perform(post("/questionnaires/builder").with(signedIn(facilitator))
			.with(csrf())
			.param("id", "phq-9")
			.param("title", ""))
			.andExpect(content().string(containsString("A questionnaire with this id exists already.")))
			.andExpect(content().string(containsString("id=\"err-new-title\"")));
		assertThat(library.versions("night-shift")).isEmpty();
	}

	@Test
	void aBuiltQuestionnaireIsFhirThatRoundTripsThroughTheImporterAndScores() throws Exception {
		UUID draft = create("bt-workload", "Workload pulse");
		mvc.perform(editor(draft, "publish", workload("Workload pulse")))
			.andExpect(redirectsTo("/questionnaires/builder/versions/" + draft + "?published"));
		QuestionnaireVersion published = library.version(draft).orElseThrow();
		assertThat(published.published()).isTrue();

		String fhir = library.fhirJson(draft);
		assertThat(fhir).contains("\"resourceType\": \"Questionnaire\"",
				"http://hl7.org/fhir/StructureDefinition/ordinalValue",
				"https://cpr.example.org/fhir/StructureDefinition/scoring", "\"type\": \"text\"",
				"\"status\": \"active\"");
		mvc.perform(post("/api/v1/questionnaires/bt-workload/$score").header("Authorization", PARTICIPANT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":3,\"2\":2,\"3\":\"too many night shifts\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(5.0))
			.andExpect(jsonPath("$.band").value("high"));

		QuestionnaireVersion copy = library
			.importFhir(fhir.replace("\"id\": \"bt-workload\"", "\"id\": \"bt-workload-copy\""), true, false, null);
		mvc.perform(post("/api/v1/questionnaires/bt-workload-copy/$score").header("Authorization", PARTICIPANT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":1,\"2\":0,\"3\":\"fine\"}}"))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.score").value(1.0))
			.andExpect(jsonPath("$.band").value("low"));
		mvc.perform(get("/questionnaires/builder/versions/" + copy.id()).with(signedIn(facilitator)))
			.andExpect(content().string(containsString("value=\"Almost always\"")))
			.andExpect(content()
				.string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"scored\"[^>]*checked=\"checked\".*")))
			.andExpect(content().string(containsString("value=\"high\"")));

		mvc.perform(get("/questionnaires/builder/versions/" + draft + "/fhir.json").with(signedIn(facilitator)))
			.andExpect(header().string("Content-Disposition", containsString("bt-workload-v1.json")))
			.andExpect(content().string(fhir));
	}

	@Test
	void buttonsAddReorderAndRemoveAndEachStepIsStored() throws Exception {
		UUID draft = create("bt-steps", "Steps");
		mvc.perform(editor(draft, "addItem", "title", "Steps", "newItemType", "choice"))
			.andExpect(redirectsTo("/questionnaires/builder/versions/" + draft + "#item-0"));
		mvc.perform(get("/questionnaires/builder/versions/" + draft).with(signedIn(facilitator)))
			.andExpect(content().string(containsString("id=\"item-0-choice-1-weight\"")))
			.andExpect(content().string(not(containsString("id=\"item-0-choice-2-weight\""))));
		mvc.perform(editor(draft, "addChoice:0", item(0, "1", "choice", "First", "0", "a", "1", "b")));
		mvc.perform(editor(draft, "addItem",
				concat(item(0, "1", "choice", "First", "0", "a", "1", "b"), "newItemType", "boolean")));
		String[] both = concat(item(0, "1", "choice", "First", "0", "a", "1", "b"), item(1, "2", "boolean", "Second"));
		mvc.perform(editor(draft, "up:1", both));
		String json = library.fhirJson(draft);
		assertThat(json.indexOf("Second")).as("moved up").isLessThan(json.indexOf("First"));
		mvc.perform(editor(draft, "deleteItem:0",
				concat(item(0, "2", "boolean", "Second"), item(1, "1", "choice", "First", "0", "a", "1", "b"))));
		assertThat(library.fhirJson(draft)).contains("First").doesNotContain("Second");
	}

	@Test
	void invalidInputComesBackAtTheFieldWithEverythingTypedAndIsNotStored() throws Exception {
		UUID draft = create("bt-invalid", "Invalid");
		String before = library.fhirJson(draft);
		mvc.perform(editor(draft, "save",
				concat(replace(item(0, "1", "choice", "Typed question", "0", "Never", "1", "Often"),
						"items[0].choices[1].weight", "lots"), item(1, "1", "text", "Typed second"))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"err-item-0-choice-1-weight\"")))
			.andExpect(content().string(containsString("Enter a number.")))
			.andExpect(content().string(containsString("Another item has this link id.")))
			.andExpect(content().string(containsString("value=\"lots\"")))
			.andExpect(content().string(containsString(">Typed question</textarea>")))
			.andExpect(content().string(containsString(">Typed second</textarea>")));
		assertThat(library.fhirJson(draft)).isEqualTo(before);

		mvc.perform(editor(draft, "save",
				concat(item(0, "1", "boolean", "Works nights?"), item(1, "2", "integer", "How many?"),
						"items[1].when[0].question", "1", "items[1].when[0].operator", "=", "items[1].when[0].answer",
						"maybe")))
			.andExpect(content().string(containsString("Answer yes or no.")));
		mvc.perform(editor(draft, "save",
				concat(item(0, "1", "boolean", "Works nights?"), item(1, "2", "integer", "How many?"),
						"items[0].when[0].question", "2", "items[0].when[0].operator", "=", "items[0].when[0].answer",
						"3")))
			.andExpect(content().string(containsString("Choose an earlier question that takes an answer.")));
		mvc.perform(editor(draft, "publish", item(0, "1", "choice", "", "0", "", "1", "b")))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("id=\"err-item-0-text\"")))
			.andExpect(content().string(containsString("id=\"err-item-0-choice-0-display\"")));
		assertThat(library.version(draft).orElseThrow().published()).isFalse();
	}

	@Test
	void conditionsBecomeEnableWhenThatTheScoringEngineHonours() throws Exception {
		UUID draft = create("bt-nights", "Nights");
		mvc.perform(editor(draft, "publish",
				concat(item(0, "1", "choice", "How many nights?", "0", "None", "1", "Some", "2", "Many"),
						item(1, "2", "integer", "How many exactly?"), "items[1].when[0].question", "1",
						"items[1].when[0].operator", "=", "items[1].when[0].answer", "2")))
			.andExpect(redirectsTo("*?published"));
		assertThat(library.fhirJson(draft)).contains("\"enableWhen\"", "\"answerCoding\"");
		mvc.perform(post("/api/v1/questionnaires/bt-nights/$score").header("Authorization", PARTICIPANT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":0,\"2\":4}}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.errors[0].code").value("answer.notAsked"));
		mvc.perform(post("/api/v1/questionnaires/bt-nights/$score").header("Authorization", PARTICIPANT_TOKEN)
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":{\"1\":2,\"2\":4}}")).andExpect(status().isOk());
	}

	@Test
	void aPublishedVersionNeverChangesAndEditingItMakesTheNextVersion() throws Exception {
		UUID v1 = create("bt-frozen", "Frozen");
		mvc.perform(editor(v1, "publish",
				concat(new String[] { "title", "Frozen" }, item(0, "1", "boolean", "Original wording?"))));
		String published = library.fhirJson(v1);
		mvc.perform(get("/questionnaires/builder/versions/" + v1).with(signedIn(facilitator)))
			.andExpect(content().string(containsString("id=\"new-version\"")))
			.andExpect(content().string(containsString("builder-body\" disabled=\"disabled\"")));

		mvc.perform(editor(v1, "save",
				concat(new String[] { "title", "Frozen" }, item(0, "1", "boolean", "Changed wording?"))))
			.andExpect(redirectsTo("/questionnaires/builder/versions/*?saved"));
		assertThat(library.fhirJson(v1)).isEqualTo(published);
		List<QuestionnaireVersion> versions = library.versions("bt-frozen");
		assertThat(versions).extracting(QuestionnaireVersion::number).containsExactly(1, 2);
		assertThat(versions.get(1).published()).isFalse();
		assertThat(library.fhirJson(versions.get(1).id())).contains("Changed wording?").contains("\"version\": \"2\"");

		mvc.perform(post("/questionnaires/builder/versions/" + v1 + "/new-version").with(signedIn(facilitator))
			.with(csrf())).andExpect(redirectsTo("/questionnaires/builder/versions/*"));
		assertThat(library.versions("bt-frozen")).hasSize(3);
		assertThat(library.fhirJson(library.versions("bt-frozen").get(2).id())).contains("Original wording?");
	}

	@Test
	void theDraftPreviewsAtPhoneWidthAndShowsInTheOwnList() throws Exception {
		UUID draft = create("bt-preview", "Preview me");
		mvc.perform(editor(draft, "preview",
				concat(new String[] { "title", "Preview me" },
						item(0, "1", "choice", "Sleep enough?", "0", "Rarely", "1", "Mostly"))))
			.andExpect(redirectsTo("/questionnaires/bt-preview/preview?version=" + draft));
		mvc.perform(get("/questionnaires/bt-preview/preview").param("version", draft.toString())
			.with(signedIn(facilitator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("phone-frame")))
			.andExpect(content().string(containsString("Sleep enough?")))
			.andExpect(content().string(containsString("Mostly")));
		mvc.perform(get("/questionnaires/bt-preview/preview").with(signedIn(facilitator)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/questionnaires/phq-9/preview").param("version", draft.toString()).with(signedIn(facilitator)))
			.andExpect(status().isNotFound());
		mvc.perform(get("/questionnaires/builder").param("scope", "mine").with(signedIn(facilitator)))
			.andExpect(content().string(containsString("Preview me")))
			.andExpect(content().string(not(containsString("PHQ-9"))));
	}

	@Test
	void importingShowsClearErrorsAndKeepsAdvancedScoringAsImported() throws Exception {
		mvc.perform(post("/questionnaires/builder/import").with(signedIn(facilitator))
			.with(csrf())
			.param("json", "{\"resourceType\":\"Patient\"}"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This is not a FHIR R4 Questionnaire in JSON.")))
			.andExpect(content().string(containsString("Patient")));
		String workload = new org.springframework.core.io.ClassPathResource("fixtures/cpr-workload-check.json")
			.getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
		mvc.perform(post("/questionnaires/builder/import").with(signedIn(facilitator))
			.with(csrf())
			.param("json", workload.replace("cpr-workload-check", "phq-9")))
			.andExpect(content().string(containsString("belongs to a shipped instrument")));
		mvc.perform(post("/questionnaires/builder/import").with(signedIn(facilitator))
			.with(csrf())
			.param("json",
					workload.replace("cpr-workload-check", "bt-imported")
						.replace("\\\"4\\\"]", "\\\"4\\\",\\\"9\\\"]")))
			.andExpect(content().string(containsString("The Questionnaire was not imported:")));
		mvc.perform(post("/questionnaires/builder/import").with(signedIn(facilitator))
			.with(csrf())
			.param("json", workload.replace("cpr-workload-check", "bt-imported")))
			.andExpect(redirectsTo("/questionnaires/builder/versions/*?imported"));
		UUID imported = library.versions("bt-imported").get(0).id();
		mvc.perform(get("/questionnaires/builder/versions/" + imported).with(signedIn(facilitator)))
			.andExpect(content().string(containsString("advanced scoring rules")));
		mvc.perform(editor(imported, "save",
				concat(new String[] { "title", "Renamed" }, item(0, "1", "choice", "Only one", "0", "a", "1", "b"))))
			.andExpect(content().string(containsString("The scoring rules name an item that is no longer here")));
	}

	// helpers: the editor form as the page posts it

	/**
	 * A redirect whose target matches {@code glob}, where {@code *} stands for anything.
	 */
	static org.springframework.test.web.servlet.ResultMatcher redirectsTo(String glob) {
		String regex = java.util.Arrays.stream(glob.split("\\*", -1))
			.map(java.util.regex.Pattern::quote)
			.collect(java.util.stream.Collectors.joining(".*"));
		return header().string("Location", org.hamcrest.Matchers.matchesPattern(regex));
	}

	UUID create(String id, String title) throws Exception {
		mvc.perform(post("/questionnaires/builder").with(signedIn(facilitator))
			.with(csrf())
			.param("id", id)
			.param("title", title)).andExpect(redirectsTo("/questionnaires/builder/versions/*"));
		return library.versions(id).get(0).id();
	}

	MockHttpServletRequestBuilder editor(UUID version, String action, String... pairs) {
		MockHttpServletRequestBuilder request = post("/questionnaires/builder/versions/" + version)
			.with(signedIn(facilitator))
			.with(csrf())
			.param("action", action);
		boolean titled = false;
		for (int i = 0; i < pairs.length; i += 2) {
			request.param(pairs[i], pairs[i + 1]);
			titled |= "title".equals(pairs[i]);
		}
		return titled ? request : request.param("title", "Untitled");
	}

	/**
	 * Item {@code i}; for a choice item, {@code choices} are code, label pairs weighted
	 * 0, 1, 2, …
	 */
	static String[] item(int i, String linkId, String type, String text, String... choices) {
		String at = "items[" + i + "].";
		List<String> p = new ArrayList<>(List.of(at + "origin", linkId, at + "linkId", linkId, at + "type", type,
				at + "text", text, at + "required", "true", at + "depth", "0"));
		for (int j = 0; j < choices.length / 2; j++) {
			String c = at + "choices[" + j + "].";
			p.addAll(List.of(c + "code", choices[2 * j], c + "display", choices[2 * j + 1], c + "weight",
					Integer.toString(j)));
		}
		return p.toArray(String[]::new);
	}

	static String[] workload(String title) {
		String[] scale = { "0", "Never", "1", "Sometimes", "2", "Often", "3", "Almost always" };
		return concat(
				new String[] { "title", title, "scored", "true", "bands[0].min", "0", "bands[0].max", "2",
						"bands[0].code", "low", "bands[1].min", "3", "bands[1].max", "6", "bands[1].code", "high" },
				item(0, "1", "choice", "How often did work keep you late?", scale),
				item(1, "2", "choice", "How often did you skip a break?", scale),
				item(2, "3", "text", "Anything else?"));
	}

	static String[] replace(String[] pairs, String name, String value) {
		String[] copy = pairs.clone();
		for (int i = 0; i < copy.length; i += 2) {
			if (copy[i].equals(name)) {
				copy[i + 1] = value;
			}
		}
		return copy;
	}

	static String[] concat(Object... parts) {
		List<String> all = new ArrayList<>();
		for (Object part : parts) {
			if (part instanceof String[] array) {
				all.addAll(List.of(array));
			}
			else {
				all.add((String) part);
			}
		}
		return all.toArray(String[]::new);
	}

}
