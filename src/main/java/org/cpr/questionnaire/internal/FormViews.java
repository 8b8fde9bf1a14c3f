package org.cpr.questionnaire.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.QuestionnaireModel;
import org.cpr.questionnaire.ScoringSpec;
import org.hl7.fhir.r4.model.Coding;
import org.hl7.fhir.r4.model.Extension;
import org.hl7.fhir.r4.model.PrimitiveType;
import org.hl7.fhir.r4.model.Questionnaire;
import org.hl7.fhir.r4.model.Questionnaire.QuestionnaireItemComponent;

/**
 * Turns a FHIR Questionnaire and its scoring spec into a {@link FormView}, in the
 * definition's own language or in a translation it carries (the FHIR
 * <a href="http://hl7.org/fhir/R4/extension-translation.html">translation extension</a>
 * on title, description, copyright, item text and option display). A translation is used
 * only when every item and option has one, so a form never mixes languages; weights,
 * codes and linkIds are the same in every language, so scoring does not change.
 */
final class FormViews {

	static final String TRANSLATION = "http://hl7.org/fhir/StructureDefinition/translation";

	private FormViews() {
	}

	public static FormView of(String id, Questionnaire q, ScoringSpec spec) {
		return of(id, q, spec, null);
	}

	/**
	 * The form in {@code locale}'s language when the definition carries a complete
	 * translation into it, else in the definition's own language.
	 */
	public static FormView of(String id, Questionnaire q, ScoringSpec spec, Locale locale) {
		String own = q.hasLanguage() ? q.getLanguage().split("-")[0] : "en";
		String wanted = locale == null || locale.getLanguage().isEmpty() ? own : locale.getLanguage();
		if (!wanted.equals(own) && translated(q, wanted)) {
			return build(id, q, spec, wanted);
		}
		return build(id, q, spec, null).withLanguage(own);
	}

	/** The languages a definition carries a complete translation into. */
	public static List<String> translations(Questionnaire q) {
		List<String> languages = new ArrayList<>();
		for (Extension e : q.getTitleElement().getExtensionsByUrl(TRANSLATION)) {
			String lang = e.getExtensionString("lang");
			if (lang != null && translated(q, lang)) {
				languages.add(lang);
			}
		}
		return languages;
	}

	private static FormView build(String id, Questionnaire q, ScoringSpec spec, String lang) {
		QuestionnaireModel model = QuestionnaireModel.of(q);
		List<FormView.Item> items = new ArrayList<>();
		collect(q.getItem(), model, spec, items, lang);
		return new FormView(id, text(q.getTitleElement(), lang), text(q.getDescriptionElement(), lang),
				text(q.getCopyrightElement(), lang), items, lang == null ? "en" : lang);
	}

	private static boolean translated(Questionnaire q, String lang) {
		return translation(q.getTitleElement(), lang) != null && itemsTranslated(q.getItem(), lang);
	}

	private static boolean itemsTranslated(List<QuestionnaireItemComponent> items, String lang) {
		for (QuestionnaireItemComponent c : items) {
			if (c.hasText() && translation(c.getTextElement(), lang) == null) {
				return false;
			}
			for (var option : c.getAnswerOption()) {
				if (option.getValue() instanceof Coding coding && coding.hasDisplay()
						&& translation(coding.getDisplayElement(), lang) == null) {
					return false;
				}
			}
			if (!itemsTranslated(c.getItem(), lang)) {
				return false;
			}
		}
		return true;
	}

	/** The element's text in {@code lang}, or its own text when it has no translation. */
	private static String text(PrimitiveType<String> element, String lang) {
		if (lang != null) {
			String t = translation(element, lang);
			if (t != null) {
				return t;
			}
		}
		return element.getValue();
	}

	private static String translation(PrimitiveType<String> element, String lang) {
		if (element == null) {
			return null;
		}
		for (Extension e : element.getExtensionsByUrl(TRANSLATION)) {
			String l = e.getExtensionString("lang");
			if (l != null && (l.equals(lang) || l.startsWith(lang + "-"))) {
				return e.getExtensionString("content");
			}
		}
		return null;
	}

	private static void collect(List<QuestionnaireItemComponent> components, QuestionnaireModel model, ScoringSpec spec,
			List<FormView.Item> into, String lang) {
		for (QuestionnaireItemComponent c : components) {
			if (c.getType() == Questionnaire.QuestionnaireItemType.DISPLAY
					|| c.getType() == Questionnaire.QuestionnaireItemType.GROUP) {
				into.add(new FormView.Item(c.getLinkId(), text(c.getTextElement(), lang), "DISPLAY", false, List.of()));
			}
			else if (model.items().containsKey(c.getLinkId())) {
				QuestionnaireModel.Item item = model.items().get(c.getLinkId());
				into.add(new FormView.Item(item.linkId(), text(c.getTextElement(), lang), item.kind().name(),
						item.required(), options(c, item, spec, lang)));
			}
			collect(c.getItem(), model, spec, into, lang);
		}
	}

	private static List<FormView.Option> options(QuestionnaireItemComponent c, QuestionnaireModel.Item item,
			ScoringSpec spec, String lang) {
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
					options.add(new FormView.Option(value, text(coding.getDisplayElement(), lang),
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
