package org.cpr.questionnaire.internal;

import java.util.ArrayList;
import java.util.List;

import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.ScoringSpec;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;

/** Turns a FHIR Questionnaire and its scoring spec into a {@link FormView}. */
public final class FormViews {

	private FormViews() {
	}

	public static FormView of(String id, Questionnaire q, ScoringSpec spec) {
		QuestionnaireModel model = QuestionnaireModel.of(q);
		List<FormView.Item> items = new ArrayList<>();
		collect(q.getItem(), model, spec, items);
		return new FormView(id, q.getTitle(), q.getDescription(), q.getCopyright(), items);
	}

	private static void collect(List<QuestionnaireItemComponent> components, QuestionnaireModel model, ScoringSpec spec,
			List<FormView.Item> into) {
		for (QuestionnaireItemComponent c : components) {
			if (c.getType() == Questionnaire.QuestionnaireItemType.DISPLAY
					|| c.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
				into.add(new FormView.Item(c.getLinkId(), c.getText(), "DISPLAY", false, List.of()));
			}
			else if (model.items().containsKey(c.getLinkId())) {
				QuestionnaireModel.Item item = model.items().get(c.getLinkId());
				into.add(new FormView.Item(item.linkId(), item.text(), item.kind().name(), item.required(),
						options(c, item, spec)));
			}
			collect(c.getItem(), model, spec, into);
		}
	}

	private static List<FormView.Option> options(QuestionnaireItemComponent c, QuestionnaireModel.Item item,
			ScoringSpec spec) {
		List<FormView.Option> options = new ArrayList<>();
		if (item.kind() == QuestionnaireModel.Kind.BOOLEAN) {
			options.add(new FormView.Option("true", "yes", critical(spec, item.linkId(), 1)));
			options.add(new FormView.Option("false", "no", critical(spec, item.linkId(), 0)));
		}
		else if (item.kind() == QuestionnaireModel.Kind.CHOICE) {
			for (var option : c.getAnswerOption()) {
				if (option.getValue() instanceof Coding coding) {
					Double weight = item.choices().get(coding.getCode());
					String value = weight == null ? coding.getCode()
							: weight == Math.rint(weight) ? Long.toString(weight.longValue()) : weight.toString();
					options.add(new FormView.Option(value, coding.getDisplay(),
							weight != null && critical(spec, item.linkId(), weight)));
				}
			}
		}
		return options;
	}

	/** Whether answering {@code value} on {@code item} fires a SAFETY rule by itself. */
	static boolean critical(ScoringSpec spec, String item, double value) {
		for (ScoringSpec.FlagRule rule : spec.flags()) {
			if (!"SAFETY".equals(rule.flag())) {
				continue;
			}
			if (rule.anyYes() != null && rule.anyYes().contains(item) && value == 1) {
				return true;
			}
			if (item.equals(rule.item()) && rule.value() != null
					&& ScoringEngine.compare(value, rule.op(), rule.value())) {
				return true;
			}
		}
		return false;
	}

}
