package org.cpr.questionnaire;

import java.util.List;

/**
 * A questionnaire ready to render as a form: items in order with their options. An option
 * is {@code critical} when choosing it fires a SAFETY rule, so the page can show the
 * crisis panel at once, before anything is sent. {@code language} is the language the
 * texts are in (a requested translation, or the definition's own language, English when
 * it names none), so a page can say when an instrument is available in English only.
 */
public record FormView(String id, String title, String description, String copyright, List<Item> items,
		String language) {

	public FormView(String id, String title, String description, String copyright, List<Item> items) {
		this(id, title, description, copyright, items, "en");
	}

	public FormView withLanguage(String language) {
		return new FormView(id, title, description, copyright, items, language);
	}

	/** True when the texts are not in the language asked for. */
	public boolean untranslatedFor(java.util.Locale locale) {
		return locale != null && !locale.getLanguage().isEmpty() && !locale.getLanguage().equals(language);
	}

	public record Item(String linkId, String text, String kind, boolean required, List<Option> options) {

		public boolean display() {
			return "DISPLAY".equals(kind);
		}
	}

	public record Option(String value, String label, boolean critical) {
	}
}
