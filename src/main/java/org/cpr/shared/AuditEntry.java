package org.cpr.shared;

import java.util.Objects;

/**
 * One audit fact. Never put personal data or free text in {@code detail}: ids and codes only.
 *
 * @param actor      who acted (null for the system or an anonymous client)
 * @param action     what was done, e.g. {@code ROLE_GRANTED}, {@code RECORD_VIEWED}
 * @param recordType the kind of record touched, e.g. {@code person}
 * @param recordId   the id of the record touched (may be null)
 * @param subject    whose sensitive data the record is (for "who looked at my records"), may be null
 * @param purpose    why, e.g. {@code administration}, {@code care}
 * @param outcome    {@code SUCCESS}, {@code DENIED} or {@code FAILURE}
 * @param detail     short non-personal detail (codes, counts)
 */
public record AuditEntry(PersonId actor, String action, String recordType, String recordId,
                         PersonId subject, String purpose, Outcome outcome, String detail) {

    public enum Outcome { SUCCESS, DENIED, FAILURE }

    public AuditEntry {
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(outcome, "outcome");
    }

    public static AuditEntry success(PersonId actor, String action, String recordType, String recordId) {
        return new AuditEntry(actor, action, recordType, recordId, null, null, Outcome.SUCCESS, null);
    }
}
