package org.cpr.survey;

/** A refused campaign input; {@code field} is the form field it belongs to. */
public final class CampaignRefused extends SurveyConflictException {

	private final String field;

	public CampaignRefused(String field, String code) {
		super(422, code);
		this.field = field;
	}

	public String field() {
		return field;
	}

}
