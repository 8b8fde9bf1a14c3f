package org.cpr.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;

/** An alert as the counselor inbox shows it: ids and codes, never answers or free text. */
public record AlertView(UUID id, AlertTier tier, Set<String> reasons, String status, String sourceType,
                        PersonId person, boolean anonymous, Instant raisedAt, Instant ackDeadline, boolean overdue,
                        PersonId assignedTo, int escalationLevel, Instant acknowledgedAt, Disposition disposition,
                        RiskLevel risk, LocalDate nextAttemptOn) {
}
