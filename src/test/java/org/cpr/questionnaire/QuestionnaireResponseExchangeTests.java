package org.cpr.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import ca.uhn.fhir.context.FhirContext;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;

/**
 * Answers to and from FHIR QuestionnaireResponse through the questionnaire module's
 * public API.
 */
@SpringBootTest
@AutoConfigureMockMvc
class QuestionnaireResponseExchangeTests {

	static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";

	@Autowired
	Scoring scoring;

	@Autowired
	QuestionnaireLibrary library;

	UUID version(String id) {
		return library.latestPublished(id).orElseThrow().id();
	}

	/**
	 * Every answerable item answered: choices cycle through their options, yes/no
	 * alternates.
	 */
	static Map<String, Object> answersFor(Questionnaire q) {
		Map<String, Object> answers = new LinkedHashMap<>();
		List<QuestionnaireItemComponent> all = new ArrayList<>();
		flatten(q.getItem(), all);
		int i = 0;
		for (QuestionnaireItemComponent item : all) {
			switch (item.getType()) {
				case CHOICE -> {
					var option = item.getAnswerOption().get(i % item.getAnswerOption().size());
					Extension e = option.getExtensionByUrl(ORDINAL);
					answers.put(item.getLinkId(), e.getValue() instanceof DecimalType d ? d.getValue().intValue()
							: ((IntegerType) e.getValue()).getValue());
				}
				case BOOLEAN -> answers.put(item.getLinkId(), i % 2 == 0);
				default -> {
				}
			}
			i++;
		}
		return answers;
	}

	static void flatten(List<QuestionnaireItemComponent> items, List<QuestionnaireItemComponent> into) {
		for (QuestionnaireItemComponent item : items) {
			into.add(item);
			flatten(item.getItem(), into);
		}
	}

	@ParameterizedTest(name = "{0}")
	@ValueSource(strings = { "asq", "brs", "burnout-single-item", "cbi", "gad-2", "gad-7", "pc-ptsd-5", "phq-2",
			"phq-9", "who-5" })
	void everyShippedInstrumentRoundTripsThroughAQuestionnaireResponse(String id) throws IOException {
		UUID version = version(id);
		Map<String, Object> answers = answersFor(scoring.questionnaire(version));
		assertThat(answers).isNotEmpty();

		String qr = scoring.toResponse(version, answers, 7.5, "some-band");

		assertThat(scoring.readResponse(version, qr)).isEqualTo(answers);
		QuestionnaireResponse parsed = FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(QuestionnaireResponse.class, qr);
		int number = library.version(version).orElseThrow().number();
		assertThat(parsed.getQuestionnaire()).isEqualTo("Questionnaire/" + id + "|" + number);
		assertThat(parsed.getStatus()).isEqualTo(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		assertThat(parsed.getExtensionByUrl("https://cpr.example.org/fhir/StructureDefinition/score")
			.getValue()
			.primitiveValue()).isEqualTo("7.5");
		assertThat(parsed.getExtensionByUrl("https://cpr.example.org/fhir/StructureDefinition/band")
			.getValue()
			.primitiveValue()).isEqualTo("some-band");
		List<QuestionnaireResponseItemComponent> written = new ArrayList<>();
		collect(parsed.getItem(), written);
		assertThat(written).as("every answer written once").hasSize(answers.size());
		written.forEach(item -> assertThat(item.getAnswerFirstRep().getValue()).as("item %s", item.getLinkId())
			.satisfiesAnyOf(v -> assertThat(v).isInstanceOf(Coding.class),
					v -> assertThat(v).isInstanceOf(org.hl7.fhir.r4.model.BooleanType.class)));
	}

	static void collect(List<QuestionnaireResponseItemComponent> items, List<QuestionnaireResponseItemComponent> into) {
		for (QuestionnaireResponseItemComponent item : items) {
			if (item.hasAnswer()) {
				into.add(item);
			}
			collect(item.getItem(), into);
		}
	}

	@Test
	void choiceAnswersAreWrittenAsTheOptionsCodingAndGroupsAreKept() {
		UUID phq2 = version("phq-2");
		String qr = scoring.toResponse(phq2, Map.of("1", 2, "2", 0), 2, "negative");
		QuestionnaireResponse parsed = FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(QuestionnaireResponse.class, qr);
		Coding first = parsed.getItem()
			.stream()
			.filter(i -> i.getLinkId().equals("1"))
			.findFirst()
			.orElseThrow()
			.getAnswerFirstRep()
			.getValueCoding();
		assertThat(first.getSystem()).isEqualTo("http://loinc.org");
		assertThat(first.getCode()).isEqualTo("LA6570-1");
		assertThat(first.getDisplay()).isEqualTo("More than half the days");

		UUID cbi = version("cbi");
		Map<String, Object> answers = answersFor(scoring.questionnaire(cbi));
		QuestionnaireResponse grouped = FhirContext.forR4Cached()
			.newJsonParser()
			.parseResource(QuestionnaireResponse.class, scoring.toResponse(cbi, answers, null, null));
		assertThat(grouped.getItem()).extracting(QuestionnaireResponseItemComponent::getLinkId)
			.containsExactly("personal", "work", "patient");
		assertThat(grouped.getExtension()).isEmpty();
	}

	@Test
	void aResponseForAnotherQuestionnaireOrVersionIsRefusedNamingTheReference() {
		UUID phq2 = version("phq-2");
		String gad2 = scoring.toResponse(version("gad-2"), Map.of("1", 1, "2", 1), null, null);
		assertThatThrownBy(() -> scoring.readResponse(phq2, gad2)).isInstanceOfSatisfying(InvalidAnswersException.class,
				e -> assertThat(e.errors()).extracting(ItemError::item, ItemError::code)
					.containsExactly(
							org.assertj.core.groups.Tuple.tuple("questionnaire", "response.wrongQuestionnaire")));
		String otherVersion = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
				+ "\"questionnaire\":\"Questionnaire/phq-2|999\",\"item\":[]}";
		assertThatThrownBy(() -> scoring.readResponse(phq2, otherVersion)).isInstanceOf(InvalidAnswersException.class);
		String byUrl = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\","
				+ "\"questionnaire\":\"https://cpr.example.org/fhir/Questionnaire/phq-2\",\"item\":[{\"linkId\":\"1\","
				+ "\"answer\":[{\"valueCoding\":{\"system\":\"http://loinc.org\",\"code\":\"LA6569-3\"}}]}]}";
		assertThat(scoring.readResponse(phq2, byUrl)).containsExactly(Map.entry("1", 1));
	}

	@Test
	void badAnswersAreRefusedItemByItem() {
		UUID phq2 = version("phq-2");
		String qr = "{\"resourceType\":\"QuestionnaireResponse\",\"status\":\"completed\",\"item\":["
				+ "{\"linkId\":\"1\",\"answer\":[{\"valueCoding\":{\"code\":\"nope\"}}]},"
				+ "{\"linkId\":\"2\",\"answer\":[{\"valueString\":\"often\"}]},"
				+ "{\"linkId\":\"x\",\"answer\":[{\"valueInteger\":1}]}]}";
		assertThatThrownBy(() -> scoring.readResponse(phq2, qr)).isInstanceOfSatisfying(InvalidAnswersException.class,
				e -> assertThat(e.errors()).extracting(ItemError::item).containsExactly("1", "2", "x"));
		assertThatThrownBy(() -> scoring.readResponse(phq2, "{\"resourceType\":\"Patient\"}")).isInstanceOfSatisfying(
				InvalidAnswersException.class,
				e -> assertThat(e.errors()).extracting(ItemError::code).containsExactly("response.unreadable"));
		assertThatThrownBy(() -> scoring.toResponse(phq2, Map.of("9", 1), null, null)).isInstanceOfSatisfying(
				InvalidAnswersException.class,
				e -> assertThat(e.errors()).extracting(ItemError::item).containsExactly("9"));
	}

}
