package org.cpr.peersupport;

import java.time.LocalDate;

import org.springframework.format.annotation.DateTimeFormat;

/**
 * A supporter's own debrief as the coordinator records it: the day, with whom (and
 * optionally who, by username or e-mail) and the outcome. No field for content.
 */
record SupporterDebriefForm(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate heldOn, DebriefWith with,
		String withPerson, DebriefOutcome outcome) {

	static SupporterDebriefForm blank() {
		return new SupporterDebriefForm(null, null, "", DebriefOutcome.SCHEDULED);
	}
}
