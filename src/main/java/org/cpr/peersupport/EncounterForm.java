package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.Set;

/**
 * The encounter form, exactly: date, duration band, type and three yes/no referrals. A
 * request carrying any other field (a note, a comment) is refused whole, so nothing
 * clinical is stored.
 */
record EncounterForm(
		@org.springframework.format.annotation.DateTimeFormat(
				iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE) LocalDate occurredOn,
		DurationBand duration, EncounterType type, Boolean referredDirectory, Boolean referredClinician,
		Boolean referredEap) {

	/** The only fields the form and the API accept. */
	static final Set<String> FIELDS = Set.of("occurredOn", "duration", "type", "referredDirectory", "referredClinician",
			"referredEap");

	EncounterEntry entry() {
		return new EncounterEntry(occurredOn, duration, type, referredDirectory, referredClinician, referredEap);
	}
}
