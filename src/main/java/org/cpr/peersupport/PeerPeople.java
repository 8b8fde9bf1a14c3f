package org.cpr.peersupport;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Finds the people a form or API call names (by username or e-mail) and their display
 * names.
 */
@Component
class PeerPeople {

	private final IdentityManagement identity;

	private final PeopleAdministration people;

	PeerPeople(IdentityManagement identity, PeopleAdministration people) {
		this.identity = identity;
		this.people = people;
	}

	/** The active person with this username or e-mail address. */
	Optional<PersonId> find(String usernameOrEmail) {
		if (usernameOrEmail == null || usernameOrEmail.isBlank() || usernameOrEmail.length() > 200) {
			return Optional.empty();
		}
		String q = usernameOrEmail.strip();
		Optional<PersonSummary> byName = identity.byUsername(q);
		if (byName.isEmpty() && q.contains("@")) {
			byName = people.search(q, 0)
				.stream()
				.filter(p -> p.email() != null && p.email().equalsIgnoreCase(q))
				.findFirst();
		}
		return byName.filter(PersonSummary::active).map(PersonSummary::id);
	}

	/**
	 * Every name in {@code lines} (comma- or line-separated); a name not found throws
	 * UNKNOWN_PERSON.
	 */
	List<PersonId> findAll(String lines) {
		List<PersonId> found = new ArrayList<>();
		if (lines == null) {
			return found;
		}
		for (String part : lines.split("[,;\\s]+")) {
			if (!part.isBlank()) {
				found.add(
						find(part).orElseThrow(() -> new PeerSupportRefused(PeerSupportRefused.Reason.UNKNOWN_PERSON)));
			}
		}
		return found;
	}

	Map<PersonId, String> names(Collection<PersonId> ids) {
		return identity.displayNames(ids.stream().filter(java.util.Objects::nonNull).toList());
	}

	Optional<PersonSummary> person(PersonId id) {
		return identity.person(id);
	}

	static String lower(String s) {
		return s == null ? null : s.toLowerCase(Locale.ROOT);
	}

}
