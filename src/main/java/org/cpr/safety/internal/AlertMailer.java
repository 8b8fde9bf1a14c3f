package org.cpr.safety.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.cpr.safety.SafetyAlertEscalated;
import org.cpr.safety.SafetyAlertRaised;
import org.cpr.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * E-mails the clinician an alert is assigned to, without any health information ("a new
 * item needs review"). If that channel fails (no address, SMTP refuses), it falls back
 * down the on-call ladder and then to the safety mailbox ({@code cpr.safety.mailbox}),
 * logging an operational alarm that names only the step: no alert id, because a log
 * line's exact time next to the id of an anonymous check-in's alert would date it (I-9).
 * When every channel that was tried refused the mail, the listener throws, so the event
 * publication stays incomplete and is retried (at the latest on restart).
 */
@Component
class AlertMailer {

	static final String MESSAGE = "safety.alertmail";

	private static final Logger log = LoggerFactory.getLogger(AlertMailer.class);

	private final OnCallRota rota;

	private final IdentityManagement identity;

	private final Notifications notifications;

	private final String mailbox;

	AlertMailer(OnCallRota rota, IdentityManagement identity, Notifications notifications,
			@Value("${cpr.safety.mailbox:}") String mailbox) {
		this.rota = rota;
		this.identity = identity;
		this.notifications = notifications;
		this.mailbox = mailbox;
	}

	@ApplicationModuleListener
	void on(SafetyAlertRaised raised) {
		notify(raised.alertId(), raised.assignedTo(), 0);
	}

	@ApplicationModuleListener
	void on(SafetyAlertEscalated escalated) {
		notify(escalated.alertId(), escalated.assignedTo(), escalated.level());
	}

	void notify(UUID alertId, PersonId assignedTo, int level) {
		List<Optional<Recipient>> channels = channels(assignedTo, level);
		int failures = 0;
		int refused = 0;
		for (int step = 0; step < channels.size(); step++) {
			Optional<Recipient> address = channels.get(step);
			if (address.isEmpty()) {
				failures++;
				log.warn("Operational alarm: a safety alert has no address at notification step {}; falling back",
						step);
				continue;
			}
			try {
				if (notifications.sendMail(address.get().address(), address.get().language(), MESSAGE)) {
					if (failures > 0) {
						log.warn("Operational alarm: a safety alert was notified by fallback step {}", step);
					}
					return;
				}
				log.info("A safety alert was not e-mailed: sending is disabled");
				return;
			}
			catch (RuntimeException mailFailed) {
				failures++;
				refused++;
				log.warn("Operational alarm: a safety alert's notification step {} failed ({}); falling back", step,
						mailFailed.getClass().getSimpleName());
			}
		}
		if (refused == 0) {
			log.error(
					"Operational alarm: a safety alert has no notification channel (set the on-call rota or cpr.safety.mailbox)");
			return;
		}
		log.error("Operational alarm: a safety alert could not be notified on any channel; will retry");
		throw new IllegalStateException("no notification channel reached for a safety alert");
	}

	/**
	 * An address and the language to write in (the person's choice; English for the
	 * mailbox).
	 */
	record Recipient(String address, Locale language) {
	}

	/**
	 * The assigned clinician, the rest of the ladder below them, then the safety mailbox.
	 */
	private List<Optional<Recipient>> channels(PersonId assignedTo, int level) {
		List<Optional<Recipient>> channels = new ArrayList<>();
		if (assignedTo != null) {
			channels.add(emailOf(assignedTo.value()));
		}
		List<UUID> ladder = rota.ladder();
		for (int i = Math.max(level, 0) + (assignedTo == null ? 0 : 1); i < ladder.size(); i++) {
			channels.add(emailOf(ladder.get(i)));
		}
		if (!mailbox.isBlank()) {
			channels.add(Optional.of(new Recipient(mailbox, Locale.ENGLISH)));
		}
		return channels;
	}

	private Optional<Recipient> emailOf(UUID person) {
		PersonId id = new PersonId(person);
		return identity.person(id)
			.map(PersonSummary::email)
			.filter(e -> e != null && !e.isBlank())
			.map(e -> new Recipient(e, identity.language(id)));
	}

}
