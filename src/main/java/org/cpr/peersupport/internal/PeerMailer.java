package org.cpr.peersupport.internal;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.cpr.peersupport.ReachInEscalated;
import org.cpr.peersupport.SupporterAssigned;
import org.cpr.peersupport.SupporterDebriefRequested;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Mail after the fact, through the event registry so it is not lost: the supporter learns
 * a request was assigned to them, the coordinators that a request is overdue or that a
 * supporter asked for a debrief (their name only). The mails carry a link only, never a
 * name or the kind of event (mail crosses systems the program does not control).
 */
@Component
class PeerMailer {

	private final IdentityManagement identity;

	private final Notifications notifications;

	private final String baseUrl;

	private final String coordinatorMailbox;

	PeerMailer(IdentityManagement identity, Notifications notifications,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl,
			@Value("${cpr.peersupport.coordinator-mailbox:}") String coordinatorMailbox) {
		this.identity = identity;
		this.notifications = notifications;
		this.baseUrl = baseUrl;
		this.coordinatorMailbox = coordinatorMailbox;
	}

	@ApplicationModuleListener
	void on(SupporterAssigned event) {
		identity.person(event.supporter())
			.map(PersonSummary::email)
			.filter(e -> e != null && !e.isBlank())
			.ifPresent(email -> notifications.sendMail(email, identity.language(event.supporter()),
					"peer.mail.assigned", baseUrl + "/peer/cases/" + event.request()));
	}

	@ApplicationModuleListener
	void on(SupporterDebriefRequested event) {
		String name = identity.displayNames(java.util.List.of(event.supporter())).getOrDefault(event.supporter(), "");
		coordinators().forEach((email, language) -> notifications.sendMail(email, language, "peer.mail.debrief", name,
				baseUrl + "/peer/roster/" + event.supporter()));
	}

	@ApplicationModuleListener
	void on(ReachInEscalated event) {
		coordinators().forEach((email, language) -> notifications.sendMail(email, language, "peer.mail.escalated",
				baseUrl + "/peer/coordinator/requests/" + event.request()));
	}

	/**
	 * Each coordinator's address in the language they chose; the shared mailbox (no
	 * person) in English.
	 */
	private Map<String, Locale> coordinators() {
		Map<String, Locale> to = new LinkedHashMap<>();
		if (!coordinatorMailbox.isBlank()) {
			to.put(coordinatorMailbox, Locale.ENGLISH);
		}
		var roots = identity.orgUnitsOfKind(OrgUnitKind.INSTITUTION).stream().map(u -> u.id()).toList();
		identity.audience(roots, Set.of(), Set.of(Role.PEER_SUPPORT_COORDINATOR))
			.stream()
			.filter(p -> p.email() != null && !p.email().isBlank())
			.forEach(p -> to.putIfAbsent(p.email(), identity.language(p.id())));
		return to;
	}

}
