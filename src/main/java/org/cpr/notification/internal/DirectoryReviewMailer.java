package org.cpr.notification.internal;

import org.cpr.directory.DirectoryReviewDue;
import org.cpr.identity.IdentityManagement;
import org.cpr.notification.Notifications;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/**
 * Tells a directory entry's owner, in the language they chose, that the entry needs its
 * six-monthly review.
 */
@Component
class DirectoryReviewMailer {

	private final Notifications notifications;

	private final IdentityManagement identity;

	private final String baseUrl;

	DirectoryReviewMailer(Notifications notifications, IdentityManagement identity,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.notifications = notifications;
		this.identity = identity;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void on(DirectoryReviewDue due) {
		identity.person(due.owner())
			.ifPresent(owner -> notifications.sendMail(owner.email(), identity.language(due.owner()),
					"mail.directoryReview", due.lastReviewed(), baseUrl + "/admin/directory/" + due.serviceId()));
	}

}
