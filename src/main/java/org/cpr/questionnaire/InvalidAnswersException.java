package org.cpr.questionnaire;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Answers that cannot be scored; every problem names its item. Never coerced. */
public class InvalidAnswersException extends RuntimeException {

	private final transient List<ItemError> errors;

	public InvalidAnswersException(List<ItemError> errors) {
		super("invalid answers: " + errors.size());
		this.errors = List.copyOf(errors);
	}

	public List<ItemError> errors() {
		return errors;
	}

	/**
	 * The first problem of each item as its message code, by linkId: what a form shows
	 * beside each field.
	 */
	public Map<String, String> byItem() {
		return byField("");
	}

	/**
	 * {@link #byItem()} keyed by form field name ({@code <prefix><linkId>}), for pages
	 * that show several questionnaires at once.
	 */
	public Map<String, String> byField(String prefix) {
		Map<String, String> codes = new LinkedHashMap<>();
		for (ItemError e : errors) {
			codes.putIfAbsent(prefix + e.item(), e.code());
		}
		return codes;
	}

}
