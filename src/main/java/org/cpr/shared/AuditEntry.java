package org.cpr.shared;

import java.util.Objects;

/**
 * One audit fact. Never put personal data or free text in {@code detail}: ids and codes
 * only.
 *
 * @param actor who acted (null for the system or an anonymous client)
 * @param action what was done, e.g. {@code ROLE_GRANTED}, {@code RECORD_VIEWED}
 * @param recordType the kind of record touched, e.g. {@code person}
 * @param recordId the id of the record touched (may be null)
 * @param subject whose sensitive data the record is (for "who looked at my records"), may
 * be null
 * @param purpose why, e.g. {@code administration}, {@code care}
 * @param outcome {@code SUCCESS}, {@code DENIED} or {@code FAILURE}
 * @param detail short non-personal detail (codes, counts)
 */
public record AuditEntry(PersonId actor, String action, String recordType, String recordId, PersonId subject,
		String purpose, Outcome outcome, String detail) {

	public enum Outcome {

		SUCCESS, DENIED, FAILURE

	}

	public AuditEntry {
		Objects.requireNonNull(action, "action");
		Objects.requireNonNull(outcome, "outcome");
	}

	public static AuditEntry success(PersonId actor, String action, String recordType, String recordId) {
		return new AuditEntry(actor, action, recordType, recordId, null, null, Outcome.SUCCESS, null);
	}

	/**
	 * A successful act by {@code actor} on a record, for {@code purpose}; no subject, no
	 * detail (add with the withers).
	 */
	public static AuditEntry of(PersonId actor, String action, String recordType, String recordId, String purpose) {
		return new AuditEntry(actor, action, recordType, recordId, null, purpose, Outcome.SUCCESS, null);
	}

	/** An administrator's act ({@code administration}). */
	public static AuditEntry administration(PersonId actor, String action, String recordType, String recordId) {
		return of(actor, action, recordType, recordId, "administration");
	}

	/** A clinician's act in the care of someone ({@code care}). */
	public static AuditEntry care(PersonId actor, String action, String recordType, String recordId) {
		return of(actor, action, recordType, recordId, "care");
	}

	/**
	 * A person acting on their own data ({@code self-service}): they are actor and
	 * subject.
	 */
	public static AuditEntry selfService(PersonId person, String action, String recordType, String recordId) {
		return of(person, action, recordType, recordId, "self-service").about(person);
	}

	/** An act of the system itself (no actor). */
	public static AuditEntry system(String action, String recordType, String recordId, String purpose) {
		return of(null, action, recordType, recordId, purpose);
	}

	/** This entry about {@code subject}, whose sensitive data the record is. */
	public AuditEntry about(PersonId subject) {
		return new AuditEntry(actor, action, recordType, recordId, subject, purpose, outcome, detail);
	}

	/** This entry with a short non-personal {@code detail}. */
	public AuditEntry detail(String detail) {
		return new AuditEntry(actor, action, recordType, recordId, subject, purpose, outcome, detail);
	}

	/** This entry with {@code outcome}. */
	public AuditEntry outcome(Outcome outcome) {
		return new AuditEntry(actor, action, recordType, recordId, subject, purpose, outcome, detail);
	}

	/** This entry, or with outcome {@code FAILURE} when not {@code ok}. */
	public AuditEntry failedUnless(boolean ok) {
		return ok ? this : outcome(Outcome.FAILURE);
	}

	/** This entry, or with outcome {@code DENIED} when not {@code ok}. */
	public AuditEntry deniedUnless(boolean ok) {
		return ok ? this : outcome(Outcome.DENIED);
	}
}
