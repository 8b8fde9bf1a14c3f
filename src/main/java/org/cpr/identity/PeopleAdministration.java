package org.cpr.identity;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * The system administrator's changes to people, org units and role grants; every change
 * is audited. {@code by} is the acting person; {@code null} means the platform itself
 * (demo seeding, first-run set-up, a job): the change is then stored and audited without
 * an actor ({@code granted_by} and the audit entry's actor are empty), never refused with
 * an exception.
 */
public interface PeopleAdministration {

	/** The editable fields of a person. */
	record PersonDetails(String username, String email, String displayName, TraineeType traineeType,
			String trainingLevel, UUID programId, UUID departmentId, boolean active) {
	}

	/** People whose name, username or e-mail contains {@code q}, by name, 50 a page. */
	List<PersonSummary> search(String q, int page);

	Optional<PersonSummary> person(UUID id);

	boolean usernameTaken(String username, UUID except);

	boolean emailTaken(String email, UUID except);

	UUID create(PersonDetails d, PersonId by);

	void update(UUID id, PersonDetails d, PersonId by);

	/**
	 * Sets an initial password; returns the policy's objections (message keys), empty
	 * when set.
	 */
	List<String> setPassword(UUID id, String password, PersonId by);

	List<GrantedRole> grantsOf(UUID person);

	boolean grant(UUID person, Role role, UUID unit, PersonId by);

	boolean revoke(UUID person, UUID grantId, PersonId by);

	/** Every org unit, by name. */
	List<OrgUnitRow> units();

	boolean unitCodeTaken(String code);

	UUID createUnit(String code, String name, OrgUnitKind kind, UUID parent, PersonId by);

	void renameUnit(UUID id, String name, PersonId by);

}
