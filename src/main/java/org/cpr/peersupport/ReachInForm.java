package org.cpr.peersupport;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * The reach-in form: the kind of event, its date, and who was involved (usernames or
 * e-mails). Nothing else.
 */
record ReachInForm(EventType eventType, @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate eventDate,
		String people) {

	static ReachInForm blank() {
		return new ReachInForm(null, null, "");
	}
}
