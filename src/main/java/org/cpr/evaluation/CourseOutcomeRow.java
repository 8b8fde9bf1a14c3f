package org.cpr.evaluation;

import java.util.List;

/**
 * One offering's own measure in the relative-impact table, computed from released figures
 * only.
 *
 * @param offering the offering's title
 * @param questionnaire the questionnaire's title
 * @param method {@code unpaired}: Hedges' g between the anonymous before and after waves
 * (two groups of answers, not the same people followed); {@code ratings}: the mean
 * session rating; {@code none}: withheld
 * @param before respondents before (pre/post), or null
 * @param after respondents after, or ratings pooled over the released sessions
 * @param beforeMean the released mean before, or null
 * @param afterMean the released mean after (or the mean rating), or null
 * @param effect after against before (Hedges' g with its 95 % interval), or null
 * @param sessions sessions whose rating was released (ratings), else 0
 * @param cautions message keys of plain-language cautions
 * @param withheldKey why the row shows no figure (a message key), or null
 * @param withheldArguments the arguments of that message
 */
public record CourseOutcomeRow(String offering, String questionnaire, String method, Long before, Long after,
		Double beforeMean, Double afterMean, Effect effect, int sessions, List<String> cautions, String withheldKey,
		List<Object> withheldArguments) {

	public CourseOutcomeRow {
		cautions = List.copyOf(cautions);
		withheldArguments = withheldArguments == null ? List.of() : List.copyOf(withheldArguments);
	}

	public boolean released() {
		return withheldKey == null;
	}

}
