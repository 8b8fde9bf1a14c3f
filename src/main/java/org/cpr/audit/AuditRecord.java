package org.cpr.audit;

import java.time.Instant;

import org.cpr.shared.PersonId;

/**
 * One row of the audit log as the privacy officer (or the person it concerns) sees it.
 */
public record AuditRecord(long seq, Instant occurredAt, PersonId actor, String action, String recordType,
		String recordId, PersonId subject, String purpose, String outcome, String detail) {
}
