package org.cpr.courses;

import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.web.server.ResponseStatusException;

/** Small helpers shared by the module's controllers: id parsing and who may see names. */
final class CourseViews {

	static final Set<Role> COORDINATORS = Set.of(Role.FACILITATOR, Role.ADMINISTRATOR);

	private CourseViews() {
	}

	static OfferingId offeringId(String id) {
		return new OfferingId(uuid(id));
	}

	static SessionId sessionId(String id) {
		return new SessionId(uuid(id));
	}

	private static UUID uuid(String id) {
		try {
			return UUID.fromString(id);
		}
		catch (IllegalArgumentException notAnId) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
	}

	static boolean coordinator(CprUser user) {
		return COORDINATORS.stream().anyMatch(user::hasRole);
	}

	/**
	 * Names of registrants and attendees: the offering's facilitators always;
	 * coordinators only when attendance is reported to the program. For confidential
	 * offerings nobody else (not even a coordinator or administrator) sees names.
	 */
	static boolean seesNames(Offering offering, CprUser user) {
		return offering.facilitators().contains(user.personId()) || (!offering.confidential() && coordinator(user));
	}

}
