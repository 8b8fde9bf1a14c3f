package org.cpr.questionnaire.internal;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.cpr.questionnaire.ItemError;
import org.cpr.questionnaire.QuestionnaireModel;
import org.cpr.questionnaire.QuestionnaireModel.Item;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.QuestionnaireResponse.QuestionnaireResponseItemComponent;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * Writes short-form answers as a FHIR R4 QuestionnaireResponse that mirrors the
 * questionnaire's item tree: a choice answer becomes the {@code valueCoding} of the
 * option with that weight, every other answer its own value type; the server's score and
 * band travel as extensions. Also holds the conversions between typed answers and the
 * short form.
 */
final class ResponseWriter {

	static final String SCORE_URL = "https://cpr.example.org/fhir/StructureDefinition/score";
	static final String BAND_URL = "https://cpr.example.org/fhir/StructureDefinition/band";

	private ResponseWriter() {
	}

	/** The canonical reference of a version: {@code Questionnaire/<id>|<number>}. */
	public static String canonical(String definitionId, int number) {
		return "Questionnaire/" + definitionId + "|" + number;
	}

	/**
	 * Whether a response's {@code questionnaire} canonical names this definition and
	 * version: by {@code Questionnaire/<id>}, the questionnaire's url, or any url ending
	 * in {@code /Questionnaire/<id>}, with an optional {@code |<version>} that must be
	 * this version. An absent canonical is accepted.
	 */
	public static boolean names(String reference, Questionnaire questionnaire, String definitionId, int number) {
		if (reference == null || reference.isBlank()) {
			return true;
		}
		int bar = reference.indexOf('|');
		String base = bar < 0 ? reference : reference.substring(0, bar);
		String version = bar < 0 ? null : reference.substring(bar + 1);
		boolean sameDefinition = base.equals("Questionnaire/" + definitionId)
				|| base.endsWith("/Questionnaire/" + definitionId)
				|| (questionnaire.hasUrl() && base.equals(questionnaire.getUrl()));
		return sameDefinition && (version == null || version.equals(Integer.toString(number)));
	}

	public static QuestionnaireResponse write(Questionnaire questionnaire, QuestionnaireModel model, String canonical,
			Map<String, ?> answers, Number score, String band, Instant authored, List<ItemError> errors) {
		for (String id : answers.keySet()) {
			if (!model.items().containsKey(id)) {
				errors.add(new ItemError(id, "answer.unknownItem",
						"There is no item '" + id + "' in this questionnaire."));
			}
		}
		QuestionnaireResponse response = new QuestionnaireResponse();
		response.setQuestionnaire(canonical);
		response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
		if (authored != null) {
			response.setAuthored(Date.from(authored));
		}
		for (QuestionnaireItemComponent item : questionnaire.getItem()) {
			QuestionnaireResponseItemComponent written = item(item, model, answers, errors);
			if (written != null) {
				response.addItem(written);
			}
		}
		if (score != null) {
			BigDecimal value = new BigDecimal(score.toString()).stripTrailingZeros();
			response
				.addExtension(new Extension(SCORE_URL, new DecimalType(value.scale() < 0 ? value.setScale(0) : value)));
		}
		if (band != null) {
			response.addExtension(new Extension(BAND_URL, new StringType(band)));
		}
		return response;
	}

	/**
	 * The item with its answer and answered descendants, or null when nothing below it is
	 * answered.
	 */
	private static QuestionnaireResponseItemComponent item(QuestionnaireItemComponent question,
			QuestionnaireModel model, Map<String, ?> answers, List<ItemError> errors) {
		QuestionnaireResponseItemComponent out = new QuestionnaireResponseItemComponent()
			.setLinkId(question.getLinkId());
		if (question.hasText()) {
			out.setText(question.getText());
		}
		Item item = model.items().get(question.getLinkId());
		Object answer = item == null ? null : answers.get(item.linkId());
		List<QuestionnaireResponseItemComponent> children = question.getItem()
			.stream()
			.map(child -> item(child, model, answers, errors))
			.filter(java.util.Objects::nonNull)
			.toList();
		if (answer != null) {
			Type value = value(question, item, answer, errors);
			if (value != null) {
				var written = out.addAnswer().setValue(value);
				children.forEach(written::addItem);
				return out;
			}
		}
		if (children.isEmpty()) {
			return null;
		}
		children.forEach(out::addItem);
		return out;
	}

	private static Type value(QuestionnaireItemComponent question, Item item, Object answer, List<ItemError> errors) {
		String id = item.linkId();
		switch (item.kind()) {
			case CHOICE -> {
				if (answer instanceof Number n) {
					return choice(question, n.doubleValue());
				}
			}
			case BOOLEAN -> {
				if (answer instanceof Boolean b) {
					return new BooleanType(b);
				}
				if ("true".equals(answer) || "false".equals(answer)) {
					return new BooleanType(Boolean.parseBoolean((String) answer));
				}
			}
			case INTEGER -> {
				if (answer instanceof Number n && n.doubleValue() == Math.rint(n.doubleValue())
						&& Math.abs(n.doubleValue()) <= Integer.MAX_VALUE) {
					return new IntegerType(n.intValue());
				}
			}
			case DECIMAL -> {
				if (answer instanceof Number n && Double.isFinite(n.doubleValue())) {
					BigDecimal d = new BigDecimal(n.toString());
					return question.getType() == Questionnaire.QuestionnaireItemType.QUANTITY
							? new Quantity().setValue(d) : new DecimalType(d);
				}
			}
			case TEXT -> {
				if (answer instanceof String s) {
					return new StringType(s);
				}
			}
			case DATE -> {
				try {
					LocalDate date = answer instanceof LocalDate d ? d : LocalDate.parse(String.valueOf(answer));
					return question.getType() == Questionnaire.QuestionnaireItemType.DATETIME
							? new DateTimeType(date.toString()) : new DateType(date.toString());
				}
				catch (DateTimeParseException e) {
					// reported below
				}
			}
		}
		errors.add(new ItemError(id, "answer.unwritable", "Item " + id + " holds an answer of the wrong type."));
		return null;
	}

	/**
	 * The option whose weight is this answer, as its coding; an integer only when no
	 * option has that weight.
	 */
	private static Type choice(QuestionnaireItemComponent question, double weight) {
		for (QuestionnaireItemAnswerOptionComponent option : question.getAnswerOption()) {
			if (option.getValue() instanceof Coding coding) {
				Double w = QuestionnaireModel.weight(option, coding);
				if (w != null && w == weight) {
					Coding copy = new Coding().setSystem(coding.getSystem())
						.setCode(coding.getCode())
						.setDisplay(coding.getDisplay());
					if (coding.hasVersion()) {
						copy.setVersion(coding.getVersion());
					}
					return copy;
				}
			}
			else if (option.getValue() instanceof IntegerType i && i.getValue() != null && i.getValue() == weight) {
				return new IntegerType(i.getValue());
			}
		}
		return weight == Math.rint(weight) && Math.abs(weight) <= Integer.MAX_VALUE ? new IntegerType((int) weight)
				: new DecimalType(BigDecimal.valueOf(weight));
	}

	/**
	 * Typed answers (Double, Boolean, String, LocalDate) in the short form, as a JSON
	 * parser reads {@code {"answers": …}}: whole numbers as Integer (Long when large),
	 * others as Double, dates as {@code YYYY-MM-DD}.
	 */
	public static Map<String, Object> shortForm(Map<String, Object> typed, List<ItemError> errors) {
		Map<String, Object> out = new LinkedHashMap<>();
		typed.forEach((id, v) -> {
			if (v instanceof Double d) {
				if (!Double.isFinite(d)) {
					errors.add(new ItemError(id, "answer.notNumber", "Item " + id + " takes a finite number."));
				}
				else if (d == Math.rint(d) && Math.abs(d) <= Integer.MAX_VALUE) {
					out.put(id, (int) d.doubleValue());
				}
				else if (d == Math.rint(d) && Math.abs(d) < 9.0e15) {
					out.put(id, (long) d.doubleValue());
				}
				else {
					out.put(id, d);
				}
			}
			else if (v instanceof LocalDate date) {
				out.put(id, date.toString());
			}
			else {
				out.put(id, v);
			}
		});
		return out;
	}

}
