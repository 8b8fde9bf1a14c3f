package org.cpr.questionnaire;

import java.util.List;

/**
 * A questionnaire ready to render as a form: items in order with their options. An option
 * is {@code critical} when choosing it fires a SAFETY rule, so the page can show the
 * crisis panel at once, before anything is sent.
 */
public record FormView(String id, String title, String description, String copyright, List<Item> items) {

	public record Item(String linkId, String text, String kind, boolean required, List<Option> options) {

		public boolean display() {
			return "DISPLAY".equals(kind);
		}
	}

	public record Option(String value, String label, boolean critical) {
	}
}
