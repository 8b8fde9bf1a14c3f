/**
 * E-mail notifications (SMTP via Spring's JavaMailSender), localized from message
 * bundles.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notifications",
		allowedDependencies = { "shared", "identity", "directory" })
package org.cpr.notification;
