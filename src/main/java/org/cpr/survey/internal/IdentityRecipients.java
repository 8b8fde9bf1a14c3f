package org.cpr.survey.internal;

import java.util.Optional;

import org.cpr.identity.IdentityManagement;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Component;

/**
 * Invitation addresses from the roster, in the language each person chose (English until
 * they chose another).
 */
@Component
class IdentityRecipients implements SurveyRecipients {

	private final IdentityManagement identity;

	IdentityRecipients(IdentityManagement identity) {
		this.identity = identity;
	}

	@Override
	public Optional<Recipient> find(PersonId person) {
		return identity.person(person)
			.filter(p -> p.active())
			.map(p -> new Recipient(p.email(), identity.language(person)));
	}

}
