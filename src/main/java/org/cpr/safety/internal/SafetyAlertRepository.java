package org.cpr.safety.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

interface SafetyAlertRepository extends JpaRepository<SafetyAlert, UUID> {

	@Query("select a from SafetyAlert a where a.status = org.cpr.safety.internal.SafetyAlert.Status.OPEN and a.ackDeadline <= ?1")
	List<SafetyAlert> findOverdue(Instant now);

	/**
	 * Unclosed alerts and closed ones the person has answered since: by tier, within a
	 * tier those with a reply waiting first, then by deadline.
	 */
	@Query("""
			select a from SafetyAlert a where a.status <> org.cpr.safety.internal.SafetyAlert.Status.CLOSED or a.replyWaiting = true
			order by a.tier, case when a.replyWaiting = true then 0 else 1 end, a.ackDeadline""")
	List<SafetyAlert> findInboxByUrgency();

}
