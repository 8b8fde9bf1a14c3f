package org.cpr.questionnaire;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;

import org.cpr.questionnaire.DraftForm.ItemRow;
import org.hl7.fhir.r4.model.BooleanType;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DateType;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.StringType;
import org.hl7.fhir.r4.model.Type;

/**
 * The answer of an enableWhen condition as typed (yes/no, an option's code, a number, a
 * date) and as FHIR wants it for the question's type (answerBoolean, answerCoding,
 * answerInteger, …).
 */
final class ConditionAnswers {

	static final List<String> OPERATORS = List.of("=", "!=", ">", ">=", "<", "<=", "exists");

	private static final List<String> EQUALITY = List.of("=", "!=", "exists");

	private ConditionAnswers() {
	}

	static boolean operatorFits(ItemRow question, String operator) {
		return OPERATORS.contains(operator)
				&& (EQUALITY.contains(operator) || List.of("integer", "decimal", "date").contains(question.type()));
	}

	/** The FHIR answer, or null when the text does not fit the question. */
	static Type answer(ItemRow question, String operator, String text, String system) {
		String t = text == null ? "" : text.strip();
		if ("exists".equals(operator) || "boolean".equals(question.type())) {
			return switch (t.toLowerCase(Locale.ROOT)) {
				case "yes", "true", "sí", "si" -> new BooleanType(true);
				case "no", "false" -> new BooleanType(false);
				default -> null;
			};
		}
		try {
			return switch (question.type()) {
				case "choice" -> question.choices()
					.stream()
					.filter(c -> c.code().strip().equals(t))
					.findFirst()
					.map(c -> (Type) new Coding(system, t, c.display().strip()))
					.orElse(null);
				case "integer" -> new IntegerType(Integer.parseInt(t));
				case "decimal" -> new DecimalType(new BigDecimal(t));
				case "date" -> new DateType(LocalDate.parse(t).toString());
				case "string", "text" -> t.isEmpty() ? null : new StringType(t);
				default -> null;
			};
		}
		catch (NumberFormatException | DateTimeParseException e) {
			return null;
		}
	}

	/** The answer as the builder shows it. */
	static String text(Type answer) {
		if (answer instanceof BooleanType b) {
			return b.booleanValue() ? "yes" : "no";
		}
		if (answer instanceof Coding c) {
			return c.getCode();
		}
		if (answer instanceof DecimalType d) {
			return d.getValue().stripTrailingZeros().toPlainString();
		}
		return answer == null || !answer.isPrimitive() ? "" : answer.primitiveValue();
	}

}
