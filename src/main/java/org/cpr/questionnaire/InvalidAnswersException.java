package org.cpr.questionnaire;

import java.util.List;

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

}
