package org.cpr.questionnaire.internal;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import ca.uhn.fhir.parser.DataFormatException;
import org.cpr.questionnaire.FhirSupport;
import org.cpr.questionnaire.ItemError;
import org.cpr.questionnaire.QuestionnaireModel;
import org.cpr.questionnaire.QuestionnaireModel.Item;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemAnswerComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;

/**
 * Reads a FHIR QuestionnaireResponse into typed answers with the same strictness as the
 * short form.
 */
final class ResponseReader {

	private ResponseReader() {
	}

	public static Map<String, Object> read(FhirSupport fhir, QuestionnaireModel model, String json,
			List<ItemError> errors) {
		QuestionnaireResponse response = parse(fhir, json, errors);
		return response == null ? Map.of() : read(model, response, errors);
	}

	/**
	 * The parsed resource, or null (with an error on item "resource") when the body is
	 * not a QuestionnaireResponse.
	 */
	public static QuestionnaireResponse parse(FhirSupport fhir, String json, List<ItemError> errors) {
		if (json == null || json.isBlank()) {
			errors.add(new ItemError("resource", "response.unreadable",
					"The body is not a FHIR R4 QuestionnaireResponse."));
			return null;
		}
		try {
			return fhir.parser().parseResource(QuestionnaireResponse.class, json);
		}
		catch (DataFormatException | ClassCastException | IllegalArgumentException | IllegalStateException e) {
			errors.add(new ItemError("resource", "response.unreadable",
					"The body is not a FHIR R4 QuestionnaireResponse."));
			return null;
		}
	}

	public static Map<String, Object> read(QuestionnaireModel model, QuestionnaireResponse response,
			List<ItemError> errors) {
		Map<String, Object> values = new LinkedHashMap<>();
		collect(model, response.getItem(), values, new HashSet<>(), errors);
		return values;
	}

	private static void collect(QuestionnaireModel model, List<QuestionnaireResponseItemComponent> items,
			Map<String, Object> values, Set<String> seen, List<ItemError> errors) {
		for (QuestionnaireResponseItemComponent component : items) {
			String id = component.getLinkId();
			if (!component.getAnswer().isEmpty() || model.items().containsKey(id)) {
				read(model, component, values, seen, errors);
			}
			collect(model, component.getItem(), values, seen, errors);
			component.getAnswer().forEach(a -> collect(model, a.getItem(), values, seen, errors));
		}
	}

	private static void read(QuestionnaireModel model, QuestionnaireResponseItemComponent component,
			Map<String, Object> values, Set<String> seen, List<ItemError> errors) {
		String id = component.getLinkId();
		Item item = model.items().get(id);
		if (item == null) {
			errors.add(new ItemError(id, "answer.unknownItem", "There is no item '" + id + "' in this questionnaire."));
			return;
		}
		if (!seen.add(id)) {
			errors.add(new ItemError(id, "answer.duplicate", "Item " + id + " is answered more than once."));
			return;
		}
		if (component.getAnswer().size() > 1) {
			errors.add(new ItemError(id, "answer.multiple", "Item " + id + " takes one answer."));
			return;
		}
		if (component.getAnswer().isEmpty()) {
			return;
		}
		Object value = value(item, component.getAnswer().get(0), errors);
		if (value != null) {
			values.put(id, value);
		}
	}

	private static Object value(Item item, QuestionnaireResponseItemAnswerComponent answer, List<ItemError> errors) {
		String id = item.linkId();
		if (item.kind() == QuestionnaireModel.Kind.CHOICE && answer.hasValueCoding()) {
			Double weight = item.choices().get(answer.getValueCoding().getCode());
			if (weight == null) {
				errors.add(new ItemError(id, "answer.notAChoice",
						"Item " + id + " has no option with code " + answer.getValueCoding().getCode() + "."));
			}
			return weight;
		}
		com.fasterxml.jackson.databind.JsonNode node;
		if (answer.hasValueBooleanType()) {
			node = com.fasterxml.jackson.databind.node.BooleanNode.valueOf(answer.getValueBooleanType().booleanValue());
		}
		else if (answer.hasValueIntegerType()) {
			node = com.fasterxml.jackson.databind.node.IntNode.valueOf(answer.getValueIntegerType().getValue());
		}
		else if (answer.hasValueDecimalType()) {
			node = com.fasterxml.jackson.databind.node.DecimalNode.valueOf(answer.getValueDecimalType().getValue());
		}
		else if (answer.hasValueStringType()) {
			node = com.fasterxml.jackson.databind.node.TextNode.valueOf(answer.getValueStringType().getValue());
		}
		else if (answer.hasValueQuantity() && answer.getValueQuantity().hasValue()) {
			node = com.fasterxml.jackson.databind.node.DecimalNode.valueOf(answer.getValueQuantity().getValue());
		}
		else if (answer.hasValueDateType()) {
			node = com.fasterxml.jackson.databind.node.TextNode.valueOf(answer.getValueDateType().getValueAsString());
		}
		else if (answer.hasValueDateTimeType()) {
			node = com.fasterxml.jackson.databind.node.TextNode
				.valueOf(answer.getValueDateTimeType().getValueAsString());
		}
		else {
			errors
				.add(new ItemError(id, "answer.unsupported", "Item " + id + " has an answer of an unsupported type."));
			return null;
		}
		return AnswerSet.value(item, node, errors);
	}

}
