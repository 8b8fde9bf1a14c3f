package org.cpr.shared;

/**
 * Where modules record access to sensitive records and security-relevant actions. The audit
 * module implements it with an append-only, hash-chained log written in the caller's transaction.
 */
public interface AuditPort {

    void record(AuditEntry entry);
}
