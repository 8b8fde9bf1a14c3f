package org.cpr.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.UUID;

import org.cpr.evaluation.CourseMeasures.CourseMeasure;
import org.cpr.evaluation.CourseMeasures.Figure;
import org.cpr.evaluation.CourseMeasures.Kind;
import org.cpr.evaluation.CourseOutcomeRow;
import org.junit.jupiter.api.Test;

/**
 * A course's own pre/post questionnaire (anonymous waves) as an unpaired standardized
 * difference, checked against the independent-groups worked example of Borenstein,
 * Hedges, Higgins and Rothstein, <i>Introduction to Meta-Analysis</i> (2009), chapter 4.
 */
class CourseOutcomesTests {

	static CourseMeasure prePost(Figure before, Figure after) {
		return new CourseMeasure(UUID.randomUUID(), "Mindfulness course", "Brief Resilience Scale", Kind.PREPOST,
				before, after, 0, null, null);
	}

	/**
	 * After X̄ = 103, S = 5.5, n = 50 against before X̄ = 100, S = 4.5, n = 50: g =
	 * 0.5924, SE 0.2028, labelled unpaired with its caution.
	 */
	@Test
	void anUnpairedChangeMatchesBorensteinsIndependentGroupsExample() {
		CourseOutcomeRow row = CourseOutcomes.row(prePost(new Figure(50, 100, 4.5), new Figure(50, 103, 5.5)));
		assertThat(row.method()).isEqualTo("unpaired");
		assertThat(row.effect().g()).isCloseTo(0.5924, within(0.0001));
		assertThat(row.effect().standardError()).isCloseTo(0.2028, within(0.0001));
		assertThat(row.effect().lower()).isCloseTo(0.5924 - 1.959964 * 0.2028, within(0.0005));
		assertThat(row.before()).isEqualTo(50);
		assertThat(row.afterMean()).isEqualTo(103.0);
		assertThat(row.cautions()).containsExactly("evaluation.caution.unpaired");
	}

	@Test
	void fewAnswersAfterAreFlaggedAsSmallAndAsDropOut() {
		CourseOutcomeRow row = CourseOutcomes.row(prePost(new Figure(30, 3.0, 0.8), new Figure(12, 3.4, 0.7)));
		assertThat(row.cautions()).containsExactly("evaluation.caution.unpaired", "evaluation.caution.smallN",
				"evaluation.caution.attrition");
		assertThat(row.effect().lower()).isNegative();
	}

	@Test
	void aWithheldWaveGivesNoFigureAtAll() {
		CourseOutcomeRow row = CourseOutcomes.row(new CourseMeasure(UUID.randomUUID(), "Course", "BRS", Kind.PREPOST,
				null, null, 0, "disclosure.suppressed.tooFewResponses", List.of(5, 0)));
		assertThat(row.released()).isFalse();
		assertThat(row.method()).isEqualTo("none");
		assertThat(row.before()).isNull();
		assertThat(row.beforeMean()).isNull();
		assertThat(row.afterMean()).isNull();
		assertThat(row.effect()).isNull();
		assertThat(row.withheldArguments()).containsExactly(5, 0);
	}

	@Test
	void sessionRatingsAreAMeanNotAnEffect() {
		CourseOutcomeRow row = CourseOutcomes.row(new CourseMeasure(UUID.randomUUID(), "Grand rounds",
				"Session evaluation", Kind.SESSION_RATINGS, null, new Figure(42, 4.3, 0.6), 3, null, null));
		assertThat(row.method()).isEqualTo("ratings");
		assertThat(row.effect()).isNull();
		assertThat(row.afterMean()).isEqualTo(4.3);
		assertThat(row.sessions()).isEqualTo(3);
		assertThat(row.cautions()).containsExactly("evaluation.caution.ratings");
	}

	@Test
	void identicalAnswersGiveNoStandardizedEstimate() {
		CourseOutcomeRow row = CourseOutcomes.row(prePost(new Figure(25, 3.0, 0), new Figure(25, 3.0, 0)));
		assertThat(row.effect()).isNull();
		assertThat(row.cautions()).contains("evaluation.caution.noSpread");
	}

}
