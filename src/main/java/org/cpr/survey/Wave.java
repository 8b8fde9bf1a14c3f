package org.cpr.survey;

import java.time.LocalDate;
import java.util.UUID;

/**
 * One wave of a campaign: the days it is open and when invitations and reminders went
 * out.
 */
public record Wave(UUID id, UUID campaignId, String label, LocalDate opensOn, LocalDate closesOn, LocalDate invitedOn,
		LocalDate remindedOn) {

	public boolean openOn(LocalDate day) {
		return !day.isBefore(opensOn) && !day.isAfter(closesOn);
	}
}
