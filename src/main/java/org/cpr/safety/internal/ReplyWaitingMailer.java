package org.cpr.safety.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.cpr.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells the clinician who acknowledged the alert (else the one it is assigned to, else
 * the primary on call, else the safety mailbox) that a reply is waiting, with a link to
 * the inbox and nothing else: no message text, no name, no handle. Runs after commit; if
 * every address tried refused the mail it throws, so the event publication is retried.
 */
@Component
class ReplyWaitingMailer {

	static final String MESSAGE = "safety.replymail";

	private static final Logger log = LoggerFactory.getLogger(ReplyWaitingMailer.class);

	private final SafetyAlertRepository alerts;

	private final JdbcRepliesWaiting replies;

	private final OnCallRota rota;

	private final IdentityManagement identity;

	private final Notifications notifications;

	private final String mailbox;

	private final String inboxUrl;

	ReplyWaitingMailer(SafetyAlertRepository alerts, JdbcRepliesWaiting replies, OnCallRota rota,
			IdentityManagement identity, Notifications notifications, @Value("${cpr.safety.mailbox:}") String mailbox,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.alerts = alerts;
		this.replies = replies;
		this.rota = rota;
		this.identity = identity;
		this.notifications = notifications;
		this.mailbox = mailbox;
		this.inboxUrl = baseUrl.replaceAll("/+$", "") + "/clinician/alerts";
	}

	@ApplicationModuleListener
	void on(PersonReplyPosted reply) {
		if (!replies.waiting(reply.alertId())) {
			return; // a clinician opened it before the mail went out
		}
		Map<String, Locale> addresses = addresses(reply.alertId());
		if (addresses.isEmpty()) {
			log.error(
					"Operational alarm: a reply on a safety alert has no clinician to notify (set the on-call rota or cpr.safety.mailbox)");
			return;
		}
		for (var address : addresses.entrySet()) {
			try {
				notifications.sendMail(address.getKey(), address.getValue(), MESSAGE, inboxUrl);
				return;
			}
			catch (RuntimeException refused) {
				log.warn(
						"Operational alarm: a reply notice for a safety alert was refused ({}); trying the next address",
						refused.getClass().getSimpleName());
			}
		}
		throw new IllegalStateException("no address accepted the reply notice for a safety alert");
	}

	/**
	 * Who owns the alert first, then the primary on call, then the safety mailbox; each
	 * address once, with the language to write in (the person's choice; English for the
	 * mailbox).
	 */
	private Map<String, Locale> addresses(UUID alertId) {
		List<UUID> people = new ArrayList<>();
		alerts.findById(alertId).ifPresent(a -> {
			people.add(a.getAcknowledgedBy());
			people.add(a.getAssignedTo());
		});
		rota.atLevel(0).ifPresent(people::add);
		Map<String, Locale> addresses = new LinkedHashMap<>();
		people.stream()
			.filter(p -> p != null)
			.forEach(p -> emailOf(p)
				.ifPresent(address -> addresses.putIfAbsent(address, identity.language(new PersonId(p)))));
		if (!mailbox.isBlank()) {
			addresses.putIfAbsent(mailbox, Locale.ENGLISH);
		}
		return addresses;
	}

	private Optional<String> emailOf(UUID person) {
		return identity.person(new PersonId(person))
			.filter(PersonSummary::active)
			.map(PersonSummary::email)
			.filter(e -> e != null && !e.isBlank());
	}

}
