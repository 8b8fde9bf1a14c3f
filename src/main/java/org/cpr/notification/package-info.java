/**
 * E-mail notifications, templated from the message bundles in the recipient's language. Listens to
 * other modules' events; nobody calls into its internals. Messages never carry well-being data —
 * only "something is waiting for you" and a link.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Notification")
package org.cpr.notification;
