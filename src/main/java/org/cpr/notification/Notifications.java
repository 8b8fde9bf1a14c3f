package org.cpr.notification;

import java.util.Locale;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Sends a localized e-mail to a person. Without an SMTP server configured ({@code spring.mail.host})
 * it records that sending is disabled — never the address or the content.
 */
@Service
public class Notifications {

    private static final Logger log = LoggerFactory.getLogger(Notifications.class);

    private final ObjectProvider<JavaMailSender> mail;
    private final IdentityManagement identity;
    private final MessageSource messages;
    private final String from;
    private final String baseUrl;

    Notifications(ObjectProvider<JavaMailSender> mail, IdentityManagement identity, MessageSource messages,
                  @Value("${cpr.mail.from:wellbeing@cpr.example}") String from,
                  @Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
        this.mail = mail;
        this.identity = identity;
        this.messages = messages;
        this.from = from;
        this.baseUrl = baseUrl;
    }

    /** Returns whether the message was handed to the mail server. */
    public boolean sendMail(PersonId to, String subjectKey, String bodyKey, String path, Object... args) {
        JavaMailSender sender = mail.getIfAvailable();
        PersonSummary person = identity.person(to).orElse(null);
        if (sender == null || person == null) {
            log.info("E-mail not sent ({}): {}", sender == null ? "no SMTP server configured" : "unknown recipient", subjectKey);
            return false;
        }
        Locale locale = Locale.ENGLISH;
        Object[] withLink = append(args, baseUrl + path);
        SimpleMailMessage message = new SimpleMailMessage();
        message.setFrom(from);
        message.setTo(person.email());
        message.setSubject(messages.getMessage(subjectKey, args, locale));
        message.setText(messages.getMessage(bodyKey, withLink, locale));
        try {
            sender.send(message);
            return true;
        } catch (MailException e) {
            log.warn("E-mail delivery failed ({}): {}", subjectKey, e.getClass().getSimpleName());
            return false;
        }
    }

    private static Object[] append(Object[] args, Object last) {
        Object[] all = java.util.Arrays.copyOf(args, args.length + 1);
        all[args.length] = last;
        return all;
    }
}
