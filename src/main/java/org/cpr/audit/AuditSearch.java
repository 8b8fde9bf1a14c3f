package org.cpr.audit;

import java.time.LocalDate;

import org.cpr.shared.PersonId;

/** Filters of the privacy officer's audit search; null means "any". */
public record AuditSearch(PersonId actor, PersonId subject, String action, String recordType, String recordId,
		LocalDate from, LocalDate to) {

	public static AuditSearch any() {
		return new AuditSearch(null, null, null, null, null, null, null);
	}
}
