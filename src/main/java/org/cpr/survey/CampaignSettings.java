package org.cpr.survey;

/** What a facilitator chooses when creating a campaign. */
public record CampaignSettings(String title, String description, String questionnaireId, String version,
		PrivacyMode mode, int minRespondents, int minComments, String hospital, Audience audience, Schedule schedule) {

	/**
	 * The lowest minimum cell size a campaign may have (a lower request is raised to it).
	 */
	public static final int MIN_RESPONDENTS = 5;

	/** The lowest minimum number of comments before any is shown. */
	public static final int MIN_COMMENTS = 10;

}
