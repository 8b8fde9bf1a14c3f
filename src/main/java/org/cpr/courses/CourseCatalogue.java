package org.cpr.courses;

import java.util.List;
import java.util.Optional;

import org.cpr.shared.PersonId;

/**
 * The courses module's offering API: plan, change and cancel offerings and sessions; the
 * catalogue.
 */
public interface CourseCatalogue {

	/**
	 * Creates an offering with its sessions. @throws InvalidPlan with every problem
	 * found; nothing is saved
	 */
	OfferingId create(OfferingPlan plan, PersonId by);

	/** Changes everything but the sessions. @throws InvalidPlan */
	void updateDetails(OfferingId id, OfferingPlan plan);

	/**
	 * Adds a session; it may not overlap the offering's other sessions. @throws
	 * InvalidPlan (fields {@code session.*})
	 */
	SessionId addSession(OfferingId id, SessionPlan session);

	/**
	 * Moves or changes a session (calendar clients get the update: same UID, higher
	 * SEQUENCE). @throws InvalidPlan
	 */
	void reschedule(SessionId sessionId, SessionPlan session);

	/** Cancels one session; it stays on calendars as STATUS:CANCELLED. */
	void cancelSession(SessionId sessionId);

	void cancelOffering(OfferingId id);

	Optional<Offering> find(OfferingId id);

	Optional<Session> findSession(SessionId id);

	List<Offering> byIds(java.util.Collection<OfferingId> ids);

	List<Offering> facilitatedBy(PersonId person);

	/** Upcoming offerings matching the query, soonest first. */
	List<Offering> search(CatalogueQuery q);

	/**
	 * One page of upcoming offerings matching the query, soonest first, with the number
	 * that match in all. Filtering and paging happen in the database: only the page's
	 * offerings, sessions and waitlists are loaded.
	 */
	CataloguePage page(CatalogueQuery q, int offset, int limit);

	/** Scheduled sessions of the offerings the person holds a seat in. */
	List<Session> busySessions(PersonId person);

}
