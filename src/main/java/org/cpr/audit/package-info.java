/**
 * The append-only, hash-chained audit log of access to sensitive data and of
 * security-relevant actions. Other modules write through
 * {@link org.cpr.shared.AuditPort}; nobody reads its tables.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Audit", allowedDependencies = { "shared", "identity" })
package org.cpr.audit;
