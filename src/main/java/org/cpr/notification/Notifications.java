package org.cpr.notification;

import java.util.Locale;

/** Sends templated, localized e-mail. */
public interface Notifications {

	/**
	 * Sends the message whose subject and body are the bundle entries
	 * {@code <messageKey>.subject} and {@code <messageKey>.body}, formatted with
	 * {@code args}.
	 * @return true if handed to the SMTP server, false if sending is disabled (no SMTP
	 * host configured)
	 */
	boolean sendMail(String to, Locale locale, String messageKey, Object... args);

}
