package org.cpr.safety.checkin.internal;

import java.util.Locale;

import org.cpr.notification.Notifications;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Rings the participant's optional doorbell: "a reply is waiting", with no content and no
 * handle. The address is unsealed only here, only to send, and is never shown to staff.
 */
@Component
class CheckinDoorbell {

	private final CheckinAccess access;

	private final Notifications notifications;

	CheckinDoorbell(CheckinAccess access, Notifications notifications) {
		this.access = access;
		this.notifications = notifications;
	}

	@ApplicationModuleListener
	void on(CheckinReplyPosted reply) {
		access.doorbell(reply.accountId())
			.ifPresent(address -> notifications.sendMail(address, Locale.ENGLISH, "checkin.doorbell"));
	}

}
