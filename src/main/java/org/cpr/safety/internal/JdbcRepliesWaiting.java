package org.cpr.safety.internal;

import java.util.Collection;
import java.util.UUID;

import org.cpr.safety.RepliesWaiting;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The waiting marks as a column of {@code safety_alert}. The first answer after a
 * clinician looked publishes {@link PersonReplyPosted} (one e-mail, not one per message).
 */
@Component("repliesWaiting")
class JdbcRepliesWaiting implements RepliesWaiting {

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	JdbcRepliesWaiting(JdbcClient jdbc, ApplicationEventPublisher events) {
		this.jdbc = jdbc;
		this.events = events;
	}

	@Override
	public void personReplied(UUID alertId) {
		int marked = jdbc.sql("UPDATE safety_alert SET reply_waiting = TRUE WHERE id = ? AND reply_waiting = FALSE")
			.param(alertId)
			.update();
		if (marked == 1) {
			events.publishEvent(new PersonReplyPosted(alertId));
		}
	}

	@Override
	public void read(Collection<UUID> alertIds) {
		for (UUID id : alertIds) {
			jdbc.sql("UPDATE safety_alert SET reply_waiting = FALSE WHERE id = ? AND reply_waiting = TRUE")
				.param(id)
				.update();
		}
	}

	/**
	 * Whether a reply is still waiting on this alert (false once a clinician opened it).
	 */
	boolean waiting(UUID alertId) {
		return jdbc.sql("SELECT reply_waiting FROM safety_alert WHERE id = ?")
			.param(alertId)
			.query(Boolean.class)
			.optional()
			.orElse(false);
	}

}
