package org.cpr.questionnaire.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.questionnaire.InvalidAnswersException;
import org.cpr.questionnaire.ItemError;
import org.cpr.questionnaire.QuestionnaireModel;
import org.cpr.questionnaire.QuestionnaireModel.Condition;
import org.cpr.questionnaire.QuestionnaireModel.Item;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.ScoringSpec;
import org.cpr.questionnaire.ScoringSpec.FlagRule;

/**
 * Validates typed answers against the questionnaire (required items, enableWhen, gate)
 * and scores them by the declarative spec. Pure: no I/O, no clock.
 */
final class ScoringEngine {

	private ScoringEngine() {
	}

	public static ScoreResult score(QuestionnaireModel model, ScoringSpec spec, Map<String, Object> answers,
			List<ItemError> errors) {
		boolean gateClosed = gateClosed(spec, answers);
		for (Item item : model.items().values()) {
			boolean asked = asked(item, spec, answers);
			boolean answered = answers.containsKey(item.linkId());
			boolean mustAnswer = item.required() || spec.items().contains(item.linkId())
					|| item.linkId().equals(spec.gate());
			if (asked && !answered && mustAnswer) {
				errors.add(
						new ItemError(item.linkId(), "answer.required", "Item " + item.linkId() + " needs an answer."));
			}
			else if (!asked && answered) {
				errors.add(new ItemError(item.linkId(), "answer.notAsked",
						"Item " + item.linkId() + " is not asked given the other answers; leave it out."));
			}
		}
		if (!errors.isEmpty()) {
			throw new InvalidAnswersException(errors);
		}
		Map<String, Double> subscales = new LinkedHashMap<>();
		spec.subscales()
			.forEach((name, sub) -> subscales.put(name,
					gateClosed ? 0.0 : aggregate(sub.method(), sub.items(), spec, answers)));
		Double score;
		if (spec.scoreFrom() != null) {
			score = subscales.get(spec.scoreFrom());
		}
		else if (spec.method() == ScoringSpec.Method.NONE) {
			score = null;
		}
		else {
			score = gateClosed ? 0.0 : aggregate(spec.method(), spec.items(), spec, answers);
		}
		if (score != null && spec.multiplier() != null) {
			score = score * spec.multiplier();
		}
		if (score != null) {
			score = Math.round(score * 100.0) / 100.0;
		}
		String band = band(spec, score);
		List<String> flags = new ArrayList<>();
		for (FlagRule rule : spec.flags()) {
			if (!flags.contains(rule.flag()) && fires(rule, answers, score, subscales)) {
				flags.add(rule.flag());
			}
		}
		return new ScoreResult(score, band, subscales, flags);
	}

	/**
	 * The answered items that are not asked given the other answers: a condition not met,
	 * or the gate answered "no".
	 */
	public static Set<String> answeredButNotAsked(QuestionnaireModel model, ScoringSpec spec,
			Map<String, Object> answers) {
		Set<String> notAsked = new LinkedHashSet<>();
		for (Item item : model.items().values()) {
			if (answers.containsKey(item.linkId()) && !asked(item, spec, answers)) {
				notAsked.add(item.linkId());
			}
		}
		return notAsked;
	}

	private static boolean gateClosed(ScoringSpec spec, Map<String, Object> answers) {
		return spec.gate() != null && Boolean.FALSE.equals(answers.get(spec.gate()));
	}

	private static boolean asked(Item item, ScoringSpec spec, Map<String, Object> answers) {
		return enabled(item, answers) && !(gateClosed(spec, answers) && !item.linkId().equals(spec.gate()));
	}

	private static double aggregate(ScoringSpec.Method method, List<String> items, ScoringSpec spec,
			Map<String, Object> answers) {
		double total = 0;
		int counted = 0;
		for (String id : items) {
			Object v = answers.get(id);
			if (v == null) {
				continue;
			}
			counted++;
			if (method == ScoringSpec.Method.COUNT_YES) {
				total += Boolean.TRUE.equals(v) ? 1 : 0;
			}
			else {
				double x = v instanceof Boolean b ? (b ? 1 : 0) : ((Number) v).doubleValue();
				Double k = spec.reverse().get(id);
				total += k == null ? x : k - x;
			}
		}
		return method == ScoringSpec.Method.MEAN ? (counted == 0 ? 0 : total / counted) : total;
	}

	private static String band(ScoringSpec spec, Double score) {
		if (score == null) {
			return null;
		}
		return spec.bands()
			.stream()
			.filter(b -> score >= b.min() && score <= b.max())
			.map(ScoringSpec.Band::code)
			.findFirst()
			.orElse(null);
	}

	private static boolean fires(FlagRule rule, Map<String, Object> answers, Double score,
			Map<String, Double> subscales) {
		if (rule.anyYes() != null && !rule.anyYes().isEmpty()) {
			return rule.anyYes().stream().anyMatch(id -> Boolean.TRUE.equals(answers.get(id)));
		}
		Double actual;
		if (rule.item() == null) {
			actual = score;
		}
		else if (rule.item().startsWith("subscale:")) {
			actual = subscales.get(rule.item().substring("subscale:".length()));
		}
		else {
			Object v = answers.get(rule.item());
			actual = v instanceof Boolean b ? (b ? 1.0 : 0.0) : v instanceof Number n ? n.doubleValue() : null;
		}
		return actual != null && rule.value() != null && compare(actual, rule.op(), rule.value());
	}

	static boolean compare(double actual, String op, double value) {
		return switch (op) {
			case ">" -> actual > value;
			case ">=" -> actual >= value;
			case "<" -> actual < value;
			case "<=" -> actual <= value;
			case "==" -> actual == value;
			default -> throw new IllegalArgumentException("unknown operator " + op);
		};
	}

	/**
	 * The answers less those to items not asked given the others, repeated until stable
	 * (an item can gate another).
	 */
	public static Map<String, Object> askedOnly(QuestionnaireModel model, ScoringSpec spec,
			Map<String, Object> answers) {
		Map<String, Object> kept = new LinkedHashMap<>(answers);
		boolean changed = true;
		while (changed) {
			changed = false;
			boolean gateClosed = spec.gate() != null && Boolean.FALSE.equals(kept.get(spec.gate()));
			for (Item item : model.items().values()) {
				boolean asked = enabled(item, kept) && !(gateClosed && !item.linkId().equals(spec.gate()));
				if (!asked && kept.remove(item.linkId()) != null) {
					changed = true;
				}
			}
		}
		return kept;
	}

	static boolean enabled(Item item, Map<String, Object> answers) {
		if (item.enableWhen().isEmpty()) {
			return true;
		}
		boolean any = false;
		boolean all = true;
		for (Condition c : item.enableWhen()) {
			boolean holds = holds(c, answers.get(c.question()));
			any |= holds;
			all &= holds;
		}
		return item.enableAll() ? all : any;
	}

	private static boolean holds(Condition c, Object actual) {
		if ("exists".equals(c.operator())) {
			return (actual != null) == Boolean.TRUE.equals(c.answer());
		}
		if (actual == null) {
			return "!=".equals(c.operator());
		}
		if (actual instanceof Number n && c.answer() instanceof Number expected) {
			return "!=".equals(c.operator()) ? n.doubleValue() != expected.doubleValue()
					: "=".equals(c.operator()) ? n.doubleValue() == expected.doubleValue()
							: compare(n.doubleValue(), c.operator(), expected.doubleValue());
		}
		boolean equal = actual.equals(c.answer());
		return "!=".equals(c.operator()) != equal;
	}

}
