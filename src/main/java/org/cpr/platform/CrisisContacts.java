package org.cpr.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The institution's own crisis contacts, shown beside the national lines on the crisis
 * page and in the crisis panel ({@code cpr.crisis.*}). Blank values fall back to the
 * message bundle text.
 *
 * @param oncallName e.g. "Campus resilience counselor on call"
 * @param oncallPhone e.g. "303-555-0100"
 * @param eapPhone the employee assistance program's 24/7 number
 * @param note a short extra line, e.g. the nearest emergency department
 */
@ConfigurationProperties("cpr.crisis")
public record CrisisContacts(String oncallName, String oncallPhone, String eapPhone, String note) {

	public boolean hasOncallPhone() {
		return oncallPhone != null && !oncallPhone.isBlank();
	}

	public boolean hasEapPhone() {
		return eapPhone != null && !eapPhone.isBlank();
	}

	public boolean hasNote() {
		return note != null && !note.isBlank();
	}
}
