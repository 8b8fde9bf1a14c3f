package org.cpr.peersupport;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/**
 * A request for peer support. Carries no narrative: for a reach-in, the event's type and
 * date only.
 *
 * @param eventId the event several clinicians may share (reach-ins only)
 * @param proposedSupporter the matching rules' proposal, waiting for the coordinator (may
 * be null)
 * @param dueAt first contact is due by then (the reach-in target, 24 h by default)
 */
public record PeerRequest(PeerRequestId id, RequestKind kind, PersonId person, PersonId filedBy, UUID eventId,
		EventType eventType, LocalDate eventDate, String language, TraineeType profession, OrgUnitId department,
		RequestStatus status, PersonId proposedSupporter, PersonId supporter, Instant filedAt, Instant dueAt,
		Instant assignedAt, Instant firstContactAt, Instant escalatedAt) {

	/** Not contacted by the due time (and neither declined nor closed). */
	public boolean overdue(Instant now) {
		return firstContactAt == null
				&& (status == RequestStatus.AWAITING_CONFIRMATION || status == RequestStatus.ASSIGNED)
				&& now.isAfter(dueAt);
	}
}
