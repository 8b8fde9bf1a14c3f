package org.cpr.identity;

import java.io.Serial;
import java.util.Collection;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.security.core.CredentialsContainer;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetails;

/**
 * The signed-in person as Spring Security sees it. Carries ids and grants only, never
 * well-being data, so it is safe to keep in the session.
 */
public class CprUser implements UserDetails, CredentialsContainer {

	@Serial
	private static final long serialVersionUID = 1L;

	private final PersonId personId;

	private final String username;

	private String passwordHash;

	private final String displayName;

	private final Set<ScopedRole> grants;

	private final boolean mfaEnabled;

	private final boolean enabled;

	private final boolean locked;

	public CprUser(PersonId personId, String username, String passwordHash, String displayName, Set<ScopedRole> grants,
			boolean mfaEnabled, boolean enabled) {
		this(personId, username, passwordHash, displayName, grants, mfaEnabled, enabled, false);
	}

	public CprUser(PersonId personId, String username, String passwordHash, String displayName, Set<ScopedRole> grants,
			boolean mfaEnabled, boolean enabled, boolean locked) {
		this.locked = locked;
		this.personId = personId;
		this.username = username;
		this.passwordHash = passwordHash;
		this.displayName = displayName;
		this.grants = Set.copyOf(grants);
		this.mfaEnabled = mfaEnabled;
		this.enabled = enabled;
	}

	public PersonId personId() {
		return personId;
	}

	public String displayName() {
		return displayName;
	}

	public Set<ScopedRole> grants() {
		return grants;
	}

	public Set<Role> roles() {
		Set<Role> roles = EnumSet.noneOf(Role.class);
		grants.forEach(g -> roles.add(g.role()));
		return roles;
	}

	public boolean hasRole(Role role) {
		return grants.stream().anyMatch(g -> g.role() == role);
	}

	/** Whether this person must pass a TOTP check before reaching any page. */
	public boolean mfaRequired() {
		return mfaEnabled || roles().stream().anyMatch(Role::requiresMfa);
	}

	public boolean mfaEnabled() {
		return mfaEnabled;
	}

	@Override
	public Collection<? extends GrantedAuthority> getAuthorities() {
		return roles().stream().map(r -> new SimpleGrantedAuthority(r.authority())).collect(Collectors.toSet());
	}

	@Override
	public String getPassword() {
		return passwordHash;
	}

	@Override
	public String getUsername() {
		return username;
	}

	@Override
	public boolean isEnabled() {
		return enabled;
	}

	/** Locked for a while after too many failed sign-ins. */
	@Override
	public boolean isAccountNonLocked() {
		return !locked;
	}

	@Override
	public void eraseCredentials() {
		passwordHash = null;
	}

	@Override
	public boolean equals(Object o) {
		return o instanceof CprUser other && other.personId.equals(personId);
	}

	@Override
	public int hashCode() {
		return personId.hashCode();
	}

	@Override
	public String toString() {
		return "CprUser[" + personId + "]";
	}

}
