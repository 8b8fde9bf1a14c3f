package org.cpr.questionnaire.internal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.cpr.questionnaire.ItemError;
import org.cpr.questionnaire.QuestionnaireModel;
import org.cpr.questionnaire.QuestionnaireModel.Item;

/**
 * Answers read strictly from the short form {@code {"answers": {"<linkId>": value}}}: a
 * choice answer is its numeric weight, a yes/no a JSON boolean. Nothing is coerced — "3"
 * is not 3 and 3.5 is not a choice — and every problem names its item.
 */
final class AnswerSet {

	private AnswerSet() {
	}

	/**
	 * Typed values by linkId (Double for numbers and choices, Boolean, String,
	 * LocalDate).
	 */
	public static Map<String, Object> read(QuestionnaireModel model, JsonNode answers, List<ItemError> errors) {
		Map<String, Object> values = new LinkedHashMap<>();
		if (answers == null || !answers.isObject()) {
			errors.add(new ItemError("answers", "answers.notAnObject",
					"Send the answers as an object keyed by item linkId."));
			return values;
		}
		answers.properties().forEach(entry -> {
			Item item = model.items().get(entry.getKey());
			if (item == null) {
				errors.add(new ItemError(entry.getKey(), "answer.unknownItem",
						"There is no item '" + entry.getKey() + "' in this questionnaire."));
				return;
			}
			Object value = value(item, entry.getValue(), errors);
			if (value != null) {
				values.put(item.linkId(), value);
			}
		});
		return values;
	}

	/**
	 * Typed answers (Boolean, Number, String, LocalDate) as the short form reads them: a
	 * number written without a fraction ({@code 3}, not {@code 3.0}) is a whole number,
	 * every other number a decimal, a date its {@code YYYY-MM-DD} text; anything else is
	 * text, which the item then refuses unless it takes text.
	 */
	public static ObjectNode json(Map<String, ?> answers) {
		ObjectNode node = JsonNodeFactory.instance.objectNode();
		answers.forEach((id, v) -> {
			if (v instanceof Boolean b) {
				node.put(id, b);
			}
			else if (v instanceof Number n && number(n) != null) {
				BigDecimal exact = number(n);
				if (exact.scale() <= 0 && exact.abs().compareTo(LONG_RANGE) < 0) {
					node.put(id, exact.longValueExact());
				}
				else if (Double.isFinite(exact.doubleValue())) {
					node.put(id, exact.doubleValue());
				}
				else {
					node.put(id, exact.toString());
				}
			}
			else if (v != null) {
				node.put(id, v.toString());
			}
		});
		return node;
	}

	private static final BigDecimal LONG_RANGE = BigDecimal.valueOf(Long.MAX_VALUE);

	/** The number as written, or null when it is not finite. */
	private static BigDecimal number(Number n) {
		if (n instanceof BigDecimal d) {
			return d;
		}
		if (n instanceof Double || n instanceof Float) {
			double d = n.doubleValue();
			return Double.isFinite(d) ? new BigDecimal(n.toString()) : null;
		}
		try {
			return new BigDecimal(n.toString());
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

	static Object value(Item item, JsonNode node, List<ItemError> errors) {
		String id = item.linkId();
		if (node == null || node.isNull()) {
			return null;
		}
		switch (item.kind()) {
			case BOOLEAN -> {
				if (node.isBoolean()) {
					return node.booleanValue();
				}
				errors.add(new ItemError(id, "answer.notBoolean", "Item " + id + " takes true or false."));
			}
			case CHOICE -> {
				if (node.isNumber() && item.choices().containsValue(node.doubleValue())) {
					return node.doubleValue();
				}
				errors
					.add(new ItemError(id, "answer.notAChoice", "Item " + id + " takes one of " + allowed(item) + "."));
			}
			case INTEGER -> {
				if (node.isIntegralNumber()) {
					return node.doubleValue();
				}
				errors.add(new ItemError(id, "answer.notInteger", "Item " + id + " takes a whole number."));
			}
			case DECIMAL -> {
				if (node.isNumber()) {
					return node.doubleValue();
				}
				errors.add(new ItemError(id, "answer.notNumber", "Item " + id + " takes a number."));
			}
			case TEXT -> {
				if (node.isTextual() && node.textValue().length() <= 10_000) {
					return node.textValue();
				}
				errors.add(new ItemError(id, "answer.badText",
						"Item " + id + " takes text of at most 10,000 characters."));
			}
			case DATE -> {
				try {
					return LocalDate.parse(node.asText());
				}
				catch (DateTimeParseException e) {
					errors.add(new ItemError(id, "answer.notDate", "Item " + id + " takes a date (YYYY-MM-DD)."));
				}
			}
		}
		return null;
	}

	static String allowed(Item item) {
		List<String> values = new ArrayList<>();
		item.choices()
			.values()
			.forEach(v -> values.add(v == Math.rint(v) ? Long.toString(v.longValue()) : v.toString()));
		return String.join(", ", values);
	}

}
