package org.cpr.safety.internal;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;

public interface SafetyAlertRepository extends JpaRepository<SafetyAlert, UUID> {

    @Query("select a from SafetyAlert a where a.status = org.cpr.safety.internal.SafetyAlert.Status.OPEN and a.ackDeadline <= ?1")
    List<SafetyAlert> findOverdue(Instant now);

    @Query("select a from SafetyAlert a where a.status <> org.cpr.safety.internal.SafetyAlert.Status.CLOSED order by a.tier, a.ackDeadline")
    List<SafetyAlert> findUnclosedByUrgency();
}
