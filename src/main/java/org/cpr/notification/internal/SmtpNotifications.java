package org.cpr.notification.internal;

import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.cpr.notification.Notifications;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * SMTP implementation; when no host is configured it records once that sending is
 * disabled (no addresses logged).
 */
@Service
class SmtpNotifications implements Notifications {

	private static final Logger log = LoggerFactory.getLogger(SmtpNotifications.class);

	private final ObjectProvider<JavaMailSender> sender;

	private final MessageSource messages;

	private final String host;

	private final String from;

	private final AtomicBoolean disabledNoted = new AtomicBoolean();

	/**
	 * Mails the SMTP server refused or could not take (Prometheus:
	 * cpr_mail_failures_total; alert rule in deploy/).
	 */
	private final Counter failures;

	SmtpNotifications(ObjectProvider<JavaMailSender> sender, MessageSource messages,
			@Value("${spring.mail.host:}") String host, @Value("${cpr.mail.from:no-reply@cpr.example}") String from,
			MeterRegistry registry) {
		this.failures = Counter.builder("cpr.mail.failures")
			.description("e-mails that could not be handed to the SMTP server")
			.register(registry);
		this.sender = sender;
		this.messages = messages;
		this.host = host;
		this.from = from;
	}

	@Override
	public boolean sendMail(String to, Locale locale, String messageKey, Object... args) {
		JavaMailSender mail = sender.getIfAvailable();
		if (host.isBlank() || mail == null) {
			if (disabledNoted.compareAndSet(false, true)) {
				log.info("E-mail sending is disabled: no SMTP host configured (spring.mail.host)");
			}
			return false;
		}
		SimpleMailMessage m = new SimpleMailMessage();
		m.setFrom(from);
		m.setTo(to);
		m.setSubject(messages.getMessage(messageKey + ".subject", args, locale));
		m.setText(messages.getMessage(messageKey + ".body", args, locale));
		try {
			mail.send(m);
		}
		catch (RuntimeException failed) {
			failures.increment();
			throw failed;
		}
		return true;
	}

}
