package org.cpr.assessment;

import org.cpr.questionnaire.InvalidAnswersException;

/** One step whose answers cannot be scored, with the problems by item. */
public class IncompleteSnapshot extends RuntimeException {

	private final transient String instrumentId;

	private final transient InvalidAnswersException cause;

	public IncompleteSnapshot(String instrumentId, InvalidAnswersException cause) {
		super("incomplete step");
		this.instrumentId = instrumentId;
		this.cause = cause;
	}

	public String instrumentId() {
		return instrumentId;
	}

	public InvalidAnswersException invalid() {
		return cause;
	}

}
