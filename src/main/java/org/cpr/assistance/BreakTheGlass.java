package org.cpr.assistance;

import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Emergency access to an episode by a resilience clinician outside its care team: they
 * sign in again (password, plus TOTP when enrolled) and state a reason; access lasts
 * {@code cpr.assistance.glass-break-hours} (24 by default), is audited about the person
 * (so it shows in their access log), and the privacy officer and the treating clinicians
 * are told at once ({@link GlassBroken}). Anyone who also holds a leadership or
 * administrator role can never break the glass, whatever else they hold.
 */
public interface BreakTheGlass {

	/** Roles that may never break the glass. */
	Set<Role> NEVER = EnumSet.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.SYSTEM_ADMIN);

	/** Longest stated reason. */
	int MAX_REASON = 1000;

	/** Whether someone holding {@code roles} may ever break the glass. */
	static boolean allowed(Set<Role> roles) {
		return roles.contains(Role.RESILIENCE_CLINICIAN) && roles.stream().noneMatch(NEVER::contains);
	}

	/**
	 * Grants the clinician access to the episode until now + the configured hours.
	 * @throws AssistanceRefused ROLE_CANNOT_BREAK_GLASS, REASON_REQUIRED,
	 * UNKNOWN_EPISODE, ALREADY_TREATING or REAUTHENTICATION_FAILED; each refusal is
	 * audited and nothing is granted
	 */
	GlassBreak breakGlass(UUID episode, PersonId clinician, String username, Set<Role> roles, String password,
			String code, String reason);

}
