package org.cpr.courses;

import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * The courses module's registration API: seats, the first-come waitlist, automatic
 * promotion, cancellation with a cut-off, and registration of a whole cohort. See
 * {@code internal.RegistrationStore} for why the seat count is exact under concurrency.
 */
public interface Registrations {

	/**
	 * The person registers themselves: a seat while any is free, else the next waitlist
	 * place.
	 * @param roles the person's roles, for offerings whose audience names roles
	 * @throws RegistrationRefused when closed, not for this person, or already registered
	 */
	Registration register(OfferingId offering, PersonId person, Set<Role> roles);

	/**
	 * A coordinator registers everyone in {@code people} (e.g. all PGY1 of a program);
	 * nobody is registered twice.
	 */
	CohortOutcome registerCohort(OfferingId offering, Collection<PersonId> people, PersonId coordinator);

	/**
	 * Active people of a program (and below) of one trainee type and level, e.g. the PGY1
	 * residents of a program.
	 */
	List<PersonId> cohort(OrgUnitId program, org.cpr.identity.TraineeType type, String level);

	/**
	 * Cancels the person's registration; a freed seat goes to the first on the waitlist.
	 * @param byCoordinator coordinators may cancel after the cut-off
	 * @throws RegistrationRefused when not registered, or a seated person cancels after
	 * the cut-off
	 */
	void cancel(OfferingId offering, PersonId person, boolean byCoordinator);

	/**
	 * Sets the seat count to the offering's smallest session capacity and fills new seats
	 * from the waitlist.
	 */
	void recount(OfferingId offering);

	List<Registration> roster(OfferingId offering);

	List<Registration> ofPerson(PersonId person);

	java.util.Optional<Registration> find(OfferingId offering, PersonId person);

	/** Whether the person is in the audience (an open audience admits everyone). */
	boolean inAudience(Audience audience, PersonId person, Set<Role> roles);

}
