package org.cpr.questionnaire.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.util.Map;
import java.util.UUID;

import org.cpr.questionnaire.FhirSupport;
import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.Scoring;
import org.cpr.questionnaire.ShippedLibrary;
import org.junit.jupiter.api.Test;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * The one way a posted form becomes scored answers ({@link Scoring#read},
 * {@link Scoring#score(UUID, Map)}, {@link InvalidAnswersException#byField}), without
 * Spring: the shipped PHQ-9 and PC-PTSD-5 definitions served by a library that reads them
 * from the classpath.
 */
class PostedAnswersTests {

	static final UUID PHQ9 = UUID.randomUUID();

	static final UUID PCPTSD5 = UUID.randomUUID();

	final Scoring scoring = new FhirScoring(new ShippedLibrary(PHQ9, PCPTSD5), new FhirSupport());

	@Test
	void aCompleteFormIsReadAsBooleansAndDecimalsAndScoredOnTheServer() {
		PostedAnswers posted = scoring.read(PHQ9, phq9("a_", "1", "1", "1", "1", "1", "1", "1", "1", " 2 "), "a_");

		assertThat(posted.answers()).containsEntry("1", new BigDecimal("1")).containsEntry("9", new BigDecimal("2"));
		assertThat(posted.entered()).containsEntry("9", " 2 ");
		ScoreResult result = scoring.score(PHQ9, posted.answers());
		assertThat(result.score()).isEqualTo(10.0);
		assertThat(result.band()).isEqualTo("moderate");
		assertThat(result.safety()).isTrue();
	}

	@Test
	void aMissingRequiredAnswerIsNamedByItsField() {
		MultiValueMap<String, String> params = phq9("phq9_", "0", "0", "0", "0", "0", "0", "0", "0", "");

		PostedAnswers posted = scoring.read(PHQ9, params, "phq9_");

		assertThat(posted.answers()).doesNotContainKey("9");
		assertThatThrownBy(() -> scoring.score(PHQ9, posted.answers()))
			.isInstanceOfSatisfying(InvalidAnswersException.class, invalid -> assertThat(invalid.byField("phq9_"))
				.containsExactly(Map.entry("phq9_9", "answer.required")));
	}

	@Test
	void anAnswerOutOfRangeOrNotANumberIsRefusedNotCoerced() {
		PostedAnswers posted = scoring.read(PHQ9, phq9("a_", "0", "0", "0", "0", "0", "0", "0", "4", "three"), "a_");

		assertThat(posted.answers()).containsEntry("8", new BigDecimal("4")).containsEntry("9", "three");
		assertThatThrownBy(() -> scoring.score(PHQ9, posted.answers())).isInstanceOfSatisfying(
				InvalidAnswersException.class,
				invalid -> assertThat(invalid.byItem()).containsEntry("8", "answer.notAChoice")
					.containsEntry("9", "answer.notAChoice"));
	}

	@Test
	void aYesNoFieldTakesOnlyTrueOrFalse() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("a_exposure", "yes");

		PostedAnswers posted = scoring.read(PCPTSD5, params, "a_");

		assertThat(posted.answers()).containsEntry("exposure", "yes");
		assertThatThrownBy(() -> scoring.score(PCPTSD5, posted.answers())).isInstanceOfSatisfying(
				InvalidAnswersException.class,
				invalid -> assertThat(invalid.byItem()).containsEntry("exposure", "answer.notBoolean"));
	}

	@Test
	void answersToQuestionsWhoseGateIsNotMetAreIgnored() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("a_exposure", "false");
		for (int i = 1; i <= 5; i++) {
			params.add("a_" + i, "true");
		}

		PostedAnswers posted = scoring.read(PCPTSD5, params, "a_");

		assertThat(posted.answers()).containsOnlyKeys("exposure");
		assertThat(posted.entered()).hasSize(6);
		ScoreResult result = scoring.score(PCPTSD5, posted.answers());
		assertThat(result.score()).isZero();
		assertThat(result.safety()).isFalse();
	}

	@Test
	void answersBehindAMetGateAreKeptAndScored() {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		params.add("a_exposure", "true");
		for (int i = 1; i <= 5; i++) {
			params.add("a_" + i, i <= 3 ? "true" : "false");
		}

		ScoreResult result = scoring.score(PCPTSD5, scoring.read(PCPTSD5, params, "a_").answers());

		assertThat(result.score()).isEqualTo(3.0);
		assertThat(result.safety()).isTrue();
	}

	@Test
	void theShortFormReadByAJsonParserScoresTheSameAsAPostedForm() {
		Map<String, Object> parsed = Map.of("1", 1, "2", 1, "3", 1, "4", 1, "5", 1, "6", 1, "7", 1, "8", 1, "9", 2);
		PostedAnswers posted = scoring.read(PHQ9, phq9("a_", "1", "1", "1", "1", "1", "1", "1", "1", "2"), "a_");

		assertThat(scoring.score(PHQ9, parsed)).isEqualTo(scoring.score(PHQ9, posted.answers()));
	}

	private static MultiValueMap<String, String> phq9(String prefix, String... values) {
		MultiValueMap<String, String> params = new LinkedMultiValueMap<>();
		for (int i = 0; i < values.length; i++) {
			params.add(prefix + (i + 1), values[i]);
		}
		params.add("unrelated", "3");
		return params;
	}

}
