package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.UUID;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A group debrief: unit, date, facilitators (usernames or e-mails) and how many attended.
 */
record DebriefForm(UUID unit, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, String facilitators,
		Integer attendance) {

	static DebriefForm blank() {
		return new DebriefForm(null, null, "", null);
	}
}
