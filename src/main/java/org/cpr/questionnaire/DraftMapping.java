package org.cpr.questionnaire;

import java.math.BigDecimal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.questionnaire.DraftForm.BandRow;
import org.cpr.questionnaire.DraftForm.ChoiceRow;
import org.cpr.questionnaire.DraftForm.ConditionRow;
import org.cpr.questionnaire.DraftForm.ItemRow;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.DecimalType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemAnswerOptionComponent;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;
import org.hl7.fhir.r4.model.StringType;

/**
 * Between the FHIR Questionnaire and the builder's form. Writing starts from the stored
 * Questionnaire, so what the builder does not edit (codes, url, copyright, other
 * extensions, advanced scoring rules) survives; choices carry their weight in the
 * {@code ordinalValue} extension and simple scoring is the same {@link ScoringSpec}
 * extension the importer reads.
 */
final class DraftMapping {

	static final String CODE_SYSTEM = "https://cpr.example.org/fhir/CodeSystem/";

	private DraftMapping() {
	}

	static DraftForm read(Questionnaire q, ScoringSpec spec) {
		List<ItemRow> rows = new ArrayList<>();
		flatten(q.getItem(), 0, QuestionnaireModel.of(q), rows);
		boolean scored = spec.method() == ScoringSpec.Method.SUM && !advanced(spec, rows);
		List<BandRow> bands = new ArrayList<>();
		if (scored) {
			spec.bands().forEach(b -> bands.add(new BandRow(number(b.min()), number(b.max()), b.code())));
		}
		return new DraftForm(q.getTitle() == null ? "" : q.getTitle(),
				q.getDescription() == null ? "" : q.getDescription(), rows, scored, bands);
	}

	/**
	 * Whether the scoring rules are more than "sum of every choice item, with bands"
	 * (kept as they are).
	 */
	static boolean advanced(ScoringSpec spec, List<ItemRow> rows) {
		boolean plain = spec.reverse().isEmpty() && spec.multiplier() == null && spec.gate() == null
				&& spec.subscales().isEmpty() && spec.flags().isEmpty() && spec.scoreFrom() == null;
		if (spec.method() == ScoringSpec.Method.NONE) {
			return !plain || !spec.items().isEmpty() || !spec.bands().isEmpty();
		}
		return !plain || spec.method() != ScoringSpec.Method.SUM
				|| !spec.items().equals(rows.stream().filter(ItemRow::choice).map(ItemRow::linkId).toList());
	}

	private static void flatten(List<QuestionnaireItemComponent> components, int depth, QuestionnaireModel model,
			List<ItemRow> into) {
		for (QuestionnaireItemComponent c : components) {
			String type = c.getType() == null ? "display" : c.getType().toCode();
			List<ChoiceRow> choices = new ArrayList<>();
			Map<String, Double> weights = model.items().containsKey(c.getLinkId())
					? model.items().get(c.getLinkId()).choices() : Map.of();
			for (QuestionnaireItemAnswerOptionComponent o : c.getAnswerOption()) {
				if (o.getValue() instanceof Coding coding) {
					Double w = weights.get(coding.getCode());
					choices.add(new ChoiceRow(coding.getCode(), coding.getDisplay() == null ? "" : coding.getDisplay(),
							w == null ? "" : number(w)));
				}
				else if (o.getValue() instanceof IntegerType i) {
					choices.add(new ChoiceRow(i.getValueAsString(), i.getValueAsString(), i.getValueAsString()));
				}
			}
			List<ConditionRow> conditions = new ArrayList<>();
			c.getEnableWhen()
				.forEach(w -> conditions
					.add(new ConditionRow(w.getQuestion(), w.getOperator() == null ? "=" : w.getOperator().toCode(),
							ConditionAnswers.text(w.getAnswer()))));
			into.add(new ItemRow(c.getLinkId(), c.getLinkId(), type, c.getText() == null ? "" : c.getText(),
					c.getRequired(), depth, choices, conditions));
			flatten(c.getItem(), depth + 1, model, into);
		}
	}

	static Questionnaire write(DraftForm form, Questionnaire base, String definitionId, boolean advancedScoring,
			ObjectMapper json) {
		Questionnaire q = base.copy();
		q.setTitle(form.title().strip());
		q.setDescription(form.description().isBlank() ? null : form.description().strip());
		Map<String, QuestionnaireItemComponent> stored = new HashMap<>();
		index(base.getItem(), stored);
		Map<String, ItemRow> rowsById = new HashMap<>();
		form.items().forEach(r -> rowsById.putIfAbsent(r.linkId().strip(), r));
		q.setItem(new ArrayList<>());
		Deque<QuestionnaireItemComponent> groups = new ArrayDeque<>();
		Map<String, String> systems = new HashMap<>();
		for (ItemRow row : form.items()) {
			QuestionnaireItemComponent c = stored.containsKey(row.origin()) ? stored.get(row.origin()).copy()
					: new QuestionnaireItemComponent();
			fill(c, row, rowsById, systems, definitionId);
			while (groups.size() > row.depth()) {
				groups.pop();
			}
			if (groups.isEmpty()) {
				q.addItem(c);
			}
			else {
				groups.peek().addItem(c);
			}
			if ("group".equals(row.type())) {
				groups.push(c);
			}
		}
		if (!advancedScoring) {
			q.getExtension().removeIf(e -> FhirSupport.SCORING_EXTENSION.equals(e.getUrl()));
			if (form.scored()) {
				q.addExtension(FhirSupport.SCORING_EXTENSION, new StringType(scoring(form, json)));
			}
		}
		return q;
	}

	/**
	 * Fills an item from its row; {@code systems} collects "linkId code" → code system
	 * for later conditions.
	 */
	private static void fill(QuestionnaireItemComponent c, ItemRow row, Map<String, ItemRow> rowsById,
			Map<String, String> systems, String definitionId) {
		Map<String, String> stored = new HashMap<>();
		c.getAnswerOption().forEach(o -> {
			if (o.getValue() instanceof Coding coding && coding.hasSystem()) {
				stored.put(coding.getCode(), coding.getSystem());
			}
		});
		c.setItem(new ArrayList<>());
		c.setLinkId(row.linkId().strip());
		c.setType(Questionnaire.QuestionnaireItemType.fromCode(row.type()));
		c.setText(row.text().isBlank() ? null : row.text().strip());
		c.setRequiredElement(null);
		if (row.required() && row.answerable()) {
			c.setRequired(true);
		}
		c.setAnswerOption(new ArrayList<>());
		if (row.choice()) {
			for (ChoiceRow choice : row.choices()) {
				String code = choice.code().strip();
				Coding coding = new Coding(stored.getOrDefault(code, CODE_SYSTEM + definitionId), code,
						choice.display().strip());
				systems.put(row.linkId().strip() + " " + code, coding.getSystem());
				c.addAnswerOption()
					.setValue(coding)
					.addExtension(QuestionnaireModel.ORDINAL, new DecimalType(new BigDecimal(choice.weight().strip())));
			}
		}
		c.setEnableWhen(new ArrayList<>());
		for (ConditionRow w : row.conditions()) {
			ItemRow question = rowsById.get(w.question().strip());
			c.addEnableWhen()
				.setQuestion(w.question().strip())
				.setOperator(Questionnaire.QuestionnaireItemOperator.fromCode(w.operator()))
				.setAnswer(ConditionAnswers.answer(question, w.operator(), w.answer(),
						systems.get(w.question().strip() + " " + w.answer().strip())));
		}
		if (c.getEnableWhen().size() > 1) {
			c.setEnableBehavior(c.getEnableBehavior() == Questionnaire.EnableWhenBehavior.ANY
					? Questionnaire.EnableWhenBehavior.ANY : Questionnaire.EnableWhenBehavior.ALL);
		}
		else {
			c.setEnableBehaviorElement(null);
		}
	}

	private static String scoring(DraftForm form, ObjectMapper json) {
		Map<String, Object> spec = new LinkedHashMap<>();
		spec.put("method", "SUM");
		spec.put("items", form.items().stream().filter(ItemRow::choice).map(r -> r.linkId().strip()).toList());
		List<Map<String, Object>> bands = new ArrayList<>();
		for (BandRow b : form.bands()) {
			Map<String, Object> band = new LinkedHashMap<>();
			band.put("min", new BigDecimal(b.min().strip()));
			band.put("max", new BigDecimal(b.max().strip()));
			band.put("code", b.code().strip());
			bands.add(band);
		}
		if (!bands.isEmpty()) {
			spec.put("bands", bands);
		}
		try {
			return json.writeValueAsString(spec);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("scoring specification not writable", e);
		}
	}

	private static void index(List<QuestionnaireItemComponent> components,
			Map<String, QuestionnaireItemComponent> into) {
		for (QuestionnaireItemComponent c : components) {
			into.putIfAbsent(c.getLinkId(), c);
			index(c.getItem(), into);
		}
	}

	private static String number(double value) {
		return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
	}

}
