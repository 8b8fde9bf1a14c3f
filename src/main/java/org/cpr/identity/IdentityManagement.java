package org.cpr.identity;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * The identity module's API for other modules: people, the org tree, and scoped role
 * checks.
 */
public interface IdentityManagement {

	Optional<PersonSummary> person(PersonId id);

	/**
	 * The person's program, read alone (one column by primary key, no entity load): for a
	 * hot path that needs nothing else of the person, e.g. a snapshot's submission. Empty
	 * for an unknown person or one without a program.
	 */
	Optional<OrgUnitId> program(PersonId id);

	Optional<PersonSummary> byUsername(String username);

	Map<PersonId, String> displayNames(Collection<PersonId> ids);

	List<OrgUnitSummary> orgUnits();

	List<OrgUnitSummary> orgUnitsOfKind(OrgUnitKind kind);

	/** The unit and everything below it. */
	Set<OrgUnitId> subtree(OrgUnitId root);

	/**
	 * Whether {@code person} holds {@code role} for {@code unit}, directly or through an
	 * ancestor.
	 */
	boolean holds(PersonId person, Role role, OrgUnitId unit);

	/**
	 * Active people whose program or department lies in one of {@code units}' subtrees,
	 * filtered by trainee types and roles (empty filters match everyone): the audience of
	 * a survey.
	 */
	List<PersonSummary> audience(Collection<OrgUnitId> unitsIn, Set<TraineeType> types, Set<Role> roles);

	/**
	 * Active people who hold {@code role} for any unit (e.g. the privacy officers to
	 * notify).
	 */
	List<PersonSummary> holdersOf(Role role);

	/**
	 * The language the person chose for pages and e-mail ({@code en} or {@code es});
	 * English until they chose another, and for an unknown person.
	 */
	java.util.Locale language(PersonId id);

	/**
	 * Stores the language a signed-in person chose (the language switch), so e-mail sent
	 * to them later is in that language; a language the platform does not offer is
	 * ignored.
	 */
	void rememberLanguage(PersonId id, java.util.Locale language);

	/**
	 * The language the person chose (on the account page or with the language switch), or
	 * empty when they never chose one.
	 */
	Optional<java.util.Locale> chosenLanguage(PersonId id);

}
