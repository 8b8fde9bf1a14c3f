package org.cpr.identity.internal;

import java.util.Set;
import java.util.stream.Collectors;

import org.cpr.identity.CprUser;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Loads a person and their grants for sign-in. */
@Service
class PersonUserDetailsService implements UserDetailsService {

	private final PersonRepository people;

	private final RoleGrantRepository grants;

	private final java.time.Clock clock;

	PersonUserDetailsService(PersonRepository people, RoleGrantRepository grants, java.time.Clock clock) {
		this.people = people;
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
