package org.cpr.audit;

import java.util.List;
import org.cpr.shared.PersonId;

/**
 * Reading the audit log: the privacy officer's search, a person's own access log, chain
 * verification.
 */
public interface AuditLog {

	int PAGE_SIZE = 50;

	ChainVerification verify();

	/**
	 * Newest first; the search itself is audited (who looked at the audit log, with which
	 * filters' kinds).
	 */
	List<AuditRecord> search(AuditSearch q, int page, PersonId officer);

	/** Who accessed records about {@code subject} (and what they did), newest first. */
	List<AuditRecord> accessesTo(PersonId subject);

}
