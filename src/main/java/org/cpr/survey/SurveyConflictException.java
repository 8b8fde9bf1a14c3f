package org.cpr.survey;

/**
 * A request that conflicts with the survey's state; {@code status} is the HTTP status to
 * answer with.
 */
public class SurveyConflictException extends RuntimeException {

	private final int status;

	private final String code;

	public SurveyConflictException(int status, String code) {
		super(code);
		this.status = status;
		this.code = code;
	}

	public int status() {
		return status;
	}

	public String code() {
		return code;
	}

}
