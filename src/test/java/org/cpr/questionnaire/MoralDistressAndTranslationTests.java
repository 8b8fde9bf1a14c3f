package org.cpr.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The moral distress and moral injury definitions scored by their published rules, and
 * the shipped Spanish translations: complete, and changing nothing that is scored.
 */
@SpringBootTest
@AutoConfigureMockMvc
class MoralDistressAndTranslationTests {

	@Autowired
	Scoring scoring;

	@Autowired
	QuestionnaireLibrary library;

	@Autowired
	JdbcTemplate jdbc;

	UUID published(String id) {
		return library.latestPublished(id).orElseThrow().id();
	}

	static ObjectNode answers(Map<String, ?> values) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		values.forEach((k, v) -> node.put(k, ((Number) v).doubleValue()));
		return node;
	}

	@ParameterizedTest(name = "Moral Distress Thermometer {0} → {1}")
	@CsvSource({ "0, md-none-mild, false", "3, md-none-mild, false", "4, md-uncomfortable, true",
			"6, md-distressing, true", "10, md-intense, true" })
	void theThermometerReadsItsOneItemIntoTheAnchorBands(int reading, String band, boolean positive) {
		ScoreResult r = scoring.score(published("moral-distress-thermometer"), answers(Map.of("1", reading)));
		assertThat(r.score()).isEqualTo(reading);
		assertThat(r.band()).isEqualTo(band);
		assertThat(r.flags().contains("POSITIVE")).isEqualTo(positive);
		assertThat(r.flags()).doesNotContain("SAFETY");
	}

	@Test
	void theThermometerNeedsItsAnswerAndRefusesAReadingOffTheScale() {
		UUID version = published("moral-distress-thermometer");
		assertThatThrownBy(() -> scoring.score(version, answers(Map.of()))).isInstanceOf(InvalidAnswersException.class);
		assertThatThrownBy(() -> scoring.score(version, answers(Map.of("1", 11))))
			.isInstanceOf(InvalidAnswersException.class);
	}

	UUID missHpDraft() {
		return jdbc.queryForObject(
				"SELECT id FROM questionnaire_version WHERE definition_id = 'miss-hp' ORDER BY version_number LIMIT 1",
				UUID.class);
	}

	@Test
	void theMissHpShipsAsADraftWithoutWordingForAnInstitutionToComplete() {
		assertThat(library.latestPublished("miss-hp")).as("never offered before its licensed wording is added")
			.isEmpty();
		FormView form = scoring.form(missHpDraft());
		assertThat(form.items().stream().filter(i -> !i.display())).hasSize(10)
			.allSatisfy(i -> assertThat(i.text()).startsWith("[MISS-HP item"));
	}

	/**
	 * Mantri et al. 2020: ten items 1–10, items 5, 6, 7 and 10 reversed (11 − x), sum
	 * 10–100, 36 or more positive.
	 */
	@ParameterizedTest(name = "MISS-HP {0}")
	@CsvSource({ "'all 1', 1, 1, 46, positive", "'lowest symptoms', 1, 10, 10, negative",
			"'highest symptoms', 10, 1, 100, positive" })
	void theMissHpReversesItemsFiveSixSevenAndTenAndSums(String name, int plain, int reversed, double total,
			String band) {
		ScoreResult r = scoring.score(missHpDraft(), answers(chosen(plain, reversed)));
		assertThat(r.score()).isEqualTo(total);
		assertThat(r.band()).isEqualTo(band);
	}

	/**
	 * The options chosen (1–10) as the form posts them: each option's weight, 11 − the
	 * option on a reversed item.
	 */
	static Map<String, Integer> chosen(int plain, int reversed) {
		Map<String, Integer> values = new LinkedHashMap<>();
		for (int i = 1; i <= 10; i++) {
			values.put(Integer.toString(i), (i == 5 || i == 6 || i == 7 || i == 10) ? 11 - reversed : plain);
		}
		return values;
	}

	@Test
	void theCutOffIsThirtySix() {
		Map<String, Integer> values = chosen(1, 10);
		values.put("1", 10);
		values.put("2", 10);
		values.put("3", 8);
		// 10 + 10 + 8 + 1 + 1 + 1 + 1 + 1 + 1 + 1 = 35
		assertThat(scoring.score(missHpDraft(), answers(values)).band()).isEqualTo("negative");
		values.put("3", 9);
		assertThat(scoring.score(missHpDraft(), answers(values)).band()).isEqualTo("positive");
	}

	@ParameterizedTest(name = "{0} in Spanish")
	// the validated instruments, and the demo's CQI questionnaire (issue #19: "the demo
	// CQI
	// questionnaire in both languages")
	@ValueSource(strings = { "phq-2", "phq-9", "gad-2", "gad-7", "who-5", "cqi-rotation-feedback" })
	void theSpanishFormHasEveryTextTranslatedAndTheSameItemsOptionsAndWeights(String id) {
		UUID version = published(id);
		FormView en = scoring.form(version, Locale.ENGLISH);
		FormView es = scoring.form(version, Locale.forLanguageTag("es"));
		assertThat(en.language()).isEqualTo("en");
		assertThat(es.language()).isEqualTo("es");
		assertThat(es.untranslatedFor(Locale.forLanguageTag("es"))).isFalse();
		assertThat(es.title()).isNotEqualTo(en.title());
		assertThat(es.items()).hasSameSizeAs(en.items());
		for (int i = 0; i < en.items().size(); i++) {
			FormView.Item a = en.items().get(i);
			FormView.Item b = es.items().get(i);
			assertThat(b.linkId()).isEqualTo(a.linkId());
			assertThat(b.kind()).isEqualTo(a.kind());
			assertThat(b.text()).isNotBlank().isNotEqualTo(a.text());
			assertThat(b.options()).extracting(FormView.Option::value)
				.containsExactlyElementsOf(a.options().stream().map(FormView.Option::value).toList());
			assertThat(b.options()).extracting(FormView.Option::critical)
				.containsExactlyElementsOf(a.options().stream().map(FormView.Option::critical).toList());
			for (int o = 0; o < a.options().size(); o++) {
				assertThat(b.options().get(o).label()).isNotEqualTo(a.options().get(o).label());
			}
		}
	}

	@ParameterizedTest(name = "{0} is English only")
	@ValueSource(strings = { "brs", "burnout-single-item", "pc-ptsd-5", "moral-distress-thermometer" })
	void anInstrumentWithoutAShippableSpanishVersionSaysSo(String id) {
		FormView es = scoring.form(published(id), Locale.forLanguageTag("es"));
		assertThat(es.language()).isEqualTo("en");
		assertThat(es.untranslatedFor(Locale.forLanguageTag("es"))).isTrue();
		assertThat(es.untranslatedFor(Locale.ENGLISH)).isFalse();
	}

}
