package org.cpr.directory;

/**
 * A directory search: free text (typo tolerant) and filters; null or blank means "any".
 *
 * @param text words to look for in names, providers, categories and descriptions
 * @param audience only services open to this trainee type
 * @param category only this kind of help
 * @param confidentiality only this level of privacy
 * @param freeOnly only services without cost
 * @param afterHoursOnly only services reachable outside office hours
 * @param virtualOnly only services offered by phone or video
 */
public record ServiceQuery(String text, org.cpr.identity.TraineeType audience, ServiceCategory category,
		Confidentiality confidentiality, boolean freeOnly, boolean afterHoursOnly, boolean virtualOnly) {

	public static ServiceQuery all() {
		return new ServiceQuery(null, null, null, null, false, false, false);
	}
}
