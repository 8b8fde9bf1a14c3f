package org.cpr.notification.internal;

import org.cpr.directory.DirectoryReviewDue;
import org.cpr.notification.Notifications;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.stereotype.Component;

/** Tells a directory entry's owner that the entry needs its six-monthly review. */
@Component
class DirectoryReviewMailer {

    private final Notifications notifications;

    DirectoryReviewMailer(Notifications notifications) {
        this.notifications = notifications;
    }

    @ApplicationModuleListener
    void on(DirectoryReviewDue due) {
        notifications.sendMail(due.owner(), "mail.directoryReview.subject", "mail.directoryReview.body",
                "/admin/directory/" + due.serviceId(), due.lastReviewed());
    }
}
