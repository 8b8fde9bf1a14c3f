package org.cpr.survey;

import java.util.Map;

/** Answers failed validation; {@code errors} maps linkId to a message code. */
public class InvalidAnswersException extends RuntimeException {

	private final Map<String, String> errors;

	public InvalidAnswersException(Map<String, String> errors) {
		super("invalid answers");
		this.errors = Map.copyOf(errors);
	}

	public Map<String, String> errors() {
		return errors;
	}

}
