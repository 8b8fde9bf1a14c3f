package org.cpr.safety.internal;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the person — and only the person — that a message is waiting: no content, no
 * health information, nothing about the alert; they sign in to read it. In the language
 * they chose for pages and e-mail.
 */
@Component
class ContactDoorbell {

	static final String MESSAGE = "contact.doorbell";

	private final IdentityManagement identity;

	private final Notifications notifications;

	ContactDoorbell(IdentityManagement identity, Notifications notifications) {
		this.identity = identity;
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(ContactReplyPosted reply) {
		identity.person(reply.person())
			.filter(PersonSummary::active)
			.map(PersonSummary::email)
			.filter(address -> address != null && !address.isBlank())
			.ifPresent(address -> notifications.sendMail(address, identity.language(reply.person()), MESSAGE));
	}

}
