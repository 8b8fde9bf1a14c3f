package org.cpr.questionnaire;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;

/**
 * What the server needs to know about a Questionnaire to validate and score answers:
 * every answerable item with its type, whether it is required, its choice weights (the
 * FHIR {@code ordinalValue} extension, or an integer option value) and its enableWhen
 * conditions.
 */
public record QuestionnaireModel(Map<String, Item> items) {

	public static final String ORDINAL = "http://hl7.org/fhir/StructureDefinition/ordinalValue";
	static final String ITEM_WEIGHT = "http://hl7.org/fhir/StructureDefinition/itemWeight";

	public enum Kind {

		BOOLEAN, CHOICE, INTEGER, DECIMAL, TEXT, DATE

	}

	/**
	 * A condition on another item, as FHIR enableWhen with answerBoolean or a numeric
	 * answer.
	 */
	public record Condition(String question, String operator, Object answer) {
	}

	/**
	 * An answerable item; {@code choices} maps an option's code to its weight (choice
	 * items only).
	 */
	public record Item(String linkId, String text, Kind kind, boolean required, Map<String, Double> choices,
			List<Condition> enableWhen, boolean enableAll) {
	}

	public static QuestionnaireModel of(Questionnaire questionnaire) {
		Map<String, Item> items = new LinkedHashMap<>();
		collect(questionnaire.getItem(), items);
		items.replaceAll((id, item) -> withChoiceWeights(item, items));
		return new QuestionnaireModel(items);
	}

	/**
	 * A condition on a choice question names the option's code (FHIR answerCoding), while
	 * answers are held as weights: the code is resolved to its weight so the condition
	 * can be evaluated.
	 */
	private static Item withChoiceWeights(Item item, Map<String, Item> items) {
		if (item.enableWhen().stream().noneMatch(c -> c.answer() instanceof String)) {
			return item;
		}
		List<Condition> resolved = new ArrayList<>();
		for (Condition c : item.enableWhen()) {
			Item question = items.get(c.question());
			Double weight = question != null && question.kind() == Kind.CHOICE && c.answer() instanceof String code
					? question.choices().get(code) : null;
			resolved.add(weight == null ? c : new Condition(c.question(), c.operator(), weight));
		}
		return new Item(item.linkId(), item.text(), item.kind(), item.required(), item.choices(), resolved,
				item.enableAll());
	}

	private static void collect(List<QuestionnaireItemComponent> components, Map<String, Item> into) {
		for (QuestionnaireItemComponent c : components) {
			Kind kind = kind(c.getType());
			if (kind != null) {
				into.put(c.getLinkId(), new Item(c.getLinkId(), c.getText(), kind, c.getRequired(), choices(c),
						conditions(c), c.getEnableBehavior() != Questionnaire.EnableWhenBehavior.ANY));
			}
			collect(c.getItem(), into);
		}
	}

	private static Kind kind(Questionnaire.QuestionnaireItemType type) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case BOOLEAN -> Kind.BOOLEAN;
			case CHOICE, OPENCHOICE -> Kind.CHOICE;
			case INTEGER -> Kind.INTEGER;
			case DECIMAL, QUANTITY -> Kind.DECIMAL;
			case STRING, TEXT -> Kind.TEXT;
			case DATE, DATETIME -> Kind.DATE;
			default -> null;
		};
	}

	private static Map<String, Double> choices(QuestionnaireItemComponent c) {
		Map<String, Double> weights = new LinkedHashMap<>();
		for (QuestionnaireItemAnswerOptionComponent option : c.getAnswerOption()) {
			if (option.getValue() instanceof Coding coding) {
				weights.put(coding.getCode(), weight(option, coding));
			}
			else if (option.getValue() instanceof IntegerType integer) {
				weights.put(integer.getValue().toString(), integer.getValue().doubleValue());
			}
		}
		return weights;
	}

	/**
	 * An option's weight: the ordinalValue extension on the option or its coding, or the
	 * itemWeight extension.
	 */
	public static Double weight(QuestionnaireItemAnswerOptionComponent option, Coding coding) {
		for (Extension e : java.util.Arrays.asList(option.getExtensionByUrl(ORDINAL), coding.getExtensionByUrl(ORDINAL),
				option.getExtensionByUrl(ITEM_WEIGHT))) {
			if (e != null && e.getValue() instanceof DecimalType d) {
				return d.getValue().doubleValue();
			}
			if (e != null && e.getValue() instanceof IntegerType i) {
				return i.getValue().doubleValue();
			}
		}
		return null;
	}

	private static List<Condition> conditions(QuestionnaireItemComponent c) {
		List<Condition> conditions = new ArrayList<>();
		for (var w : c.getEnableWhen()) {
			Object answer = w.hasAnswerBooleanType() ? w.getAnswerBooleanType().getValue()
					: w.hasAnswerIntegerType() ? (Object) w.getAnswerIntegerType().getValue().doubleValue()
							: w.hasAnswerDecimalType() ? (Object) w.getAnswerDecimalType().getValue().doubleValue()
									: w.hasAnswerCoding() ? w.getAnswerCoding().getCode() : null;
			conditions.add(new Condition(w.getQuestion(), w.getOperator().toCode(), answer));
		}
		return conditions;
	}
}
