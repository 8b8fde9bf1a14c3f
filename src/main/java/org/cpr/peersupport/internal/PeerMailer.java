package org.cpr.peersupport.internal;

import java.util.LinkedHashSet;
import java.util.Locale;
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
		for (String email : coordinators()) {
			notifications.sendMail(email, Locale.ENGLISH, "peer.mail.debrief", name,
					baseUrl + "/peer/roster/" + event.supporter());
		}
	}

	@ApplicationModuleListener
	void on(ReachInEscalated event) {
		for (String email : coordinators()) {
			notifications.sendMail(email, Locale.ENGLISH, "peer.mail.escalated",
					baseUrl + "/peer/coordinator/requests/" + event.request());
		}
	}

	private Set<String> coordinators() {
		Set<String> to = new LinkedHashSet<>();
		if (!coordinatorMailbox.isBlank()) {
			to.add(coordinatorMailbox);
		}
		var roots = identity.orgUnitsOfKind(OrgUnitKind.INSTITUTION).stream().map(u -> u.id()).toList();
		identity.audience(roots, Set.of(), Set.of(Role.PEER_SUPPORT_COORDINATOR))
			.stream()
			.map(PersonSummary::email)
			.filter(e -> e != null && !e.isBlank())
			.forEach(to::add);
		return to;
	}

}
