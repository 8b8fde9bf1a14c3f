package org.cpr.evaluation.internal;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cpr.evaluation.CourseMeasures;
import org.cpr.evaluation.CourseMeasures.CourseMeasure;
import org.cpr.evaluation.CourseMeasures.Figure;
import org.cpr.evaluation.CourseOutcomeRow;
import org.cpr.evaluation.Effect;

/**
 * Each offering's own measures from the figures the survey engine's gate released: a
 * course's pre/post questionnaire is answered anonymously, so the before and after waves
 * cannot be paired; the row is an unpaired two-sample standardized difference (Hedges' g
 * with its 95 % interval, {@link Effects#difference}) between the two released wave
 * figures, labelled as such. Session ratings are shown as the mean rating, not as an
 * effect. Nothing here sees an answer, so no figure exists that the gate did not release.
 */
final class CourseOutcomes {

	/**
	 * Fewer answers after than this share of the answers before: the people who stayed
	 * may not be like those who left.
	 */
	static final double ATTRITION = 0.7;

	private CourseOutcomes() {
	}

	static List<CourseOutcomeRow> rows(List<CourseMeasure> measures) {
		List<CourseOutcomeRow> rows = new ArrayList<>();
		measures.stream()
			.sorted(Comparator.comparing(CourseMeasure::title).thenComparing(CourseMeasure::kind))
			.forEach(m -> rows.add(row(m)));
		return rows;
	}

	static CourseOutcomeRow row(CourseMeasure m) {
		if (m.withheldKey() != null || m.after() == null
				|| (m.kind() == CourseMeasures.Kind.PREPOST && m.before() == null)) {
			String key = m.withheldKey() != null ? m.withheldKey() : "evaluation.caution.notReleased";
			return new CourseOutcomeRow(m.title(), m.questionnaire(), "none", null, null, null, null, null, 0,
					List.of("evaluation.caution.notReleased"), key, m.withheldArguments());
		}
		Figure after = m.after();
		List<String> cautions = new ArrayList<>();
		if (m.kind() == CourseMeasures.Kind.SESSION_RATINGS) {
			cautions.add("evaluation.caution.ratings");
			if (after.n() < ImpactCalculator.SMALL_N) {
				cautions.add("evaluation.caution.smallN");
			}
			return new CourseOutcomeRow(m.title(), m.questionnaire(), "ratings", null, after.n(), null, after.mean(),
					null, m.sessions(), cautions, null, null);
		}
		Figure before = m.before();
		cautions.add("evaluation.caution.unpaired");
		Effect effect = null;
		if (before.standardDeviation() > 0 || after.standardDeviation() > 0) {
			effect = Effects.difference(after.mean(), after.standardDeviation(), after.n(), before.mean(),
					before.standardDeviation(), before.n());
		}
		else {
			cautions.add("evaluation.caution.noSpread");
		}
		if (Math.min(before.n(), after.n()) < ImpactCalculator.SMALL_N) {
			cautions.add("evaluation.caution.smallN");
		}
		if (after.n() < ATTRITION * before.n()) {
			cautions.add("evaluation.caution.attrition");
		}
		return new CourseOutcomeRow(m.title(), m.questionnaire(), "unpaired", before.n(), after.n(), before.mean(),
				after.mean(), effect, 0, cautions, null, null);
	}

}
