package org.cpr.identity.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.core.userdetails.UserDetails;
import org.springframework.security.core.userdetails.UserDetailsPasswordService;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads a person and their grants for sign-in, and stores a stronger hash of the password
 * when the one on file was made with weaker parameters (Spring Security's
 * {@code DaoAuthenticationProvider} calls {@link #updatePassword} after a successful
 * check when {@link BoundedPasswordEncoder#upgradeEncoding} says so).
 */
@Service
class PersonUserDetailsService implements UserDetailsService, UserDetailsPasswordService {

	private final PersonRepository people;

	private final RoleGrantRepository grants;

	private final java.time.Clock clock;

	private final JdbcClient jdbc;

	PersonUserDetailsService(PersonRepository people, RoleGrantRepository grants, java.time.Clock clock,
			JdbcClient jdbc) {
		this.people = people;
		this.jdbc = jdbc;
		this.grants = grants;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public CprUser loadUserByUsername(String username) {
		Person person = people.findByUsernameIgnoreCase(username.strip())
			.orElseThrow(() -> new UsernameNotFoundException("unknown account"));
		return toUser(person);
	}

	/**
	 * Re-hashes on sign-in: replaces the hash only if it is still the one just verified
	 * (a password changed in the meantime wins), and bumps the row's version so an entity
	 * loaded before does not overwrite it. Not a password change: nothing else moves.
	 */
	@Override
	@Transactional
	public UserDetails updatePassword(UserDetails user, String newPassword) {
		if (user instanceof CprUser cpr && user.getPassword() != null) {
			jdbc.sql("UPDATE person SET password_hash = :fresh, version = version + 1"
					+ " WHERE id = :id AND password_hash = :old")
				.param("fresh", newPassword)
				.param("id", cpr.personId().value())
				.param("old", user.getPassword())
				.update();
		}
		return user;
	}

	CprUser toUser(Person person) {
		Set<ScopedRole> scoped = grants.findByPersonId(person.getId())
			.stream()
			.map(g -> new ScopedRole(g.getRole(), new OrgUnitId(g.getOrgUnitId())))
			.collect(Collectors.toSet());
		return new CprUser(new PersonId(person.getId()), person.getUsername(), person.getPasswordHash(),
				person.getDisplayName(), scoped, person.isMfaEnabled(), person.isActive(),
				person.isLockedAt(clock.instant()));
	}

}
