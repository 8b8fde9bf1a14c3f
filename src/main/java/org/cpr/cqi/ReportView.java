package org.cpr.cqi;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** A report as its reviewer (or, through the reply code, its reporter) sees it. */
public record ReportView(UUID id, ReportChannel channel, String privacyMode, CqiCategory category, String setting,
		String body, LocalDate submittedOn, LocalDate reviewableFrom, String status, String redactedText,
		boolean canReply, List<Message> messages) {

	public record Message(String author, String body, LocalDate sentOn) {
	}
}
