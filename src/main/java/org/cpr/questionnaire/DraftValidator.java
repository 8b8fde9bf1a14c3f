package org.cpr.questionnaire;

import java.math.BigDecimal;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cpr.questionnaire.DraftForm.BandRow;
import org.cpr.questionnaire.DraftForm.ChoiceRow;
import org.cpr.questionnaire.DraftForm.ConditionRow;
import org.cpr.questionnaire.DraftForm.ItemRow;

/**
 * Checks a posted draft. Errors are keyed by the id of the field they belong to
 * ({@code item-2-text}) and name a message key. Saving needs a well-formed draft;
 * publishing also needs it complete (every item worded, every choice labelled, something
 * to answer).
 */
final class DraftValidator {

	static final String LINK_ID = "[A-Za-z0-9][A-Za-z0-9._-]{0,63}";

	private DraftValidator() {
	}

	static Map<String, String> validate(DraftForm form, boolean publishing, Set<String> advancedScoringItems) {
		Map<String, String> errors = new LinkedHashMap<>();
		text(errors, "title", form.title(), 200, true);
		text(errors, "description", form.description(), 2000, false);
		Set<String> linkIds = new HashSet<>();
		List<ItemRow> items = form.items();
		for (int i = 0; i < items.size(); i++) {
			ItemRow item = items.get(i);
			String at = "item-" + i + "-";
			if (!item.linkId().strip().matches(LINK_ID)) {
				errors.put(at + "linkId", "builder.error.linkId");
			}
			else if (!linkIds.add(item.linkId().strip())) {
				errors.put(at + "linkId", "builder.error.duplicateLinkId");
			}
			if (!DraftForm.TYPES.contains(item.type())) {
				errors.put(at + "type", "builder.error.type");
			}
			text(errors, at + "text", item.text(), 2000, publishing);
			if (item.choice()) {
				choices(errors, at, item.choices(), publishing);
			}
			for (int k = 0; k < item.conditions().size(); k++) {
				condition(errors, at + "when-" + k + "-", item.conditions().get(k), items.subList(0, i));
			}
		}
		if (publishing && items.stream().noneMatch(ItemRow::answerable)) {
			errors.put("items", "builder.error.noItems");
		}
		if (form.scored()) {
			if (items.stream().noneMatch(ItemRow::choice)) {
				errors.put("scored", "builder.error.noScoredItems");
			}
			bands(errors, form.bands());
		}
		if (!linkIds.containsAll(advancedScoringItems)) {
			errors.put("items", "builder.error.scoringItems");
		}
		return errors;
	}

	private static void choices(Map<String, String> errors, String at, List<ChoiceRow> choices, boolean publishing) {
		if (publishing && choices.size() < 2) {
			errors.put(at + "choices", "builder.error.fewChoices");
		}
		Set<String> codes = new HashSet<>();
		for (int j = 0; j < choices.size(); j++) {
			ChoiceRow c = choices.get(j);
			String cat = at + "choice-" + j + "-";
			if (!c.code().strip().matches("[^\\s]{1,64}")) {
				errors.put(cat + "code", "builder.error.code");
			}
			else if (!codes.add(c.code().strip())) {
				errors.put(cat + "code", "builder.error.duplicateCode");
			}
			text(errors, cat + "display", c.display(), 500, publishing);
			if (number(c.weight()).isEmpty()) {
				errors.put(cat + "weight", "builder.error.number");
			}
		}
	}

	private static void condition(Map<String, String> errors, String at, ConditionRow c, List<ItemRow> earlier) {
		Optional<ItemRow> question = earlier.stream()
			.filter(ItemRow::answerable)
			.filter(q -> q.linkId().strip().equals(c.question().strip()))
			.findFirst();
		if (question.isEmpty()) {
			errors.put(at + "question", "builder.error.question");
		}
		else if (!ConditionAnswers.operatorFits(question.get(), c.operator())) {
			errors.put(at + "operator", "builder.error.operator");
		}
		else if (ConditionAnswers.answer(question.get(), c.operator(), c.answer(), null) == null) {
			errors.put(at + "answer",
					"builder.error.answer." + ("exists".equals(c.operator()) ? "boolean" : question.get().type()));
		}
	}

	private static void bands(Map<String, String> errors, List<BandRow> bands) {
		for (int b = 0; b < bands.size(); b++) {
			BandRow band = bands.get(b);
			String at = "band-" + b + "-";
			Optional<BigDecimal> min = number(band.min());
			Optional<BigDecimal> max = number(band.max());
			if (min.isEmpty()) {
				errors.put(at + "min", "builder.error.number");
			}
			if (max.isEmpty()) {
				errors.put(at + "max", "builder.error.number");
			}
			else if (min.isPresent() && min.get().compareTo(max.get()) > 0) {
				errors.put(at + "max", "builder.error.bandOrder");
			}
			if (!band.code().strip().matches("[A-Za-z0-9][A-Za-z0-9 _-]{0,63}")) {
				errors.put(at + "code", "builder.error.bandCode");
			}
		}
	}

	private static void text(Map<String, String> errors, String field, String value, int max, boolean required) {
		if (required && value.isBlank()) {
			errors.put(field, "builder.error.required");
		}
		else if (value.strip().length() > max) {
			errors.put(field, "builder.error.tooLong");
		}
	}

	static Optional<BigDecimal> number(String text) {
		try {
			BigDecimal n = new BigDecimal(text.strip());
			return n.abs().compareTo(BigDecimal.valueOf(1_000_000)) > 0 ? Optional.empty() : Optional.of(n);
		}
		catch (NumberFormatException e) {
			return Optional.empty();
		}
	}

}
