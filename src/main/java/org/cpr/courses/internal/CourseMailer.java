package org.cpr.courses.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.courses.Offering;
import org.cpr.courses.RegistrationStatus;
import org.cpr.courses.SeatOffered;
import org.cpr.courses.Session;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * E-mail about registrations: a seat freed for a waitlisted person (after the promotion
 * commits, through the event registry, so it is not lost), and reminders the day before
 * each session. Mails name the offering and time only; never who else attends.
 */
@Component
class CourseMailer {

	static final Duration REMIND_AHEAD = Duration.ofHours(24);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL,
			FormatStyle.SHORT);

	private final OfferingStore offerings;

	private final RegistrationStore registrations;

	private final IdentityManagement identity;

	private final Notifications notifications;

	private final Clock clock;

	private final String baseUrl;

	CourseMailer(OfferingStore offerings, RegistrationStore registrations, IdentityManagement identity,
			Notifications notifications, Clock clock, @Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.offerings = offerings;
		this.registrations = registrations;
		this.identity = identity;
		this.notifications = notifications;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void on(SeatOffered event) {
		Offering offering = offerings.find(event.offering()).orElse(null);
		if (offering == null) {
			return;
		}
		Locale language = identity.language(event.person());
		String when = offering.firstSession().map(s -> when(s, language)).orElse("");
		mail(event.person(), language, "courses.mail.seat", offering.title(), when,
				baseUrl + "/courses/offerings/" + offering.id());
	}

	@Scheduled(cron = "${cpr.courses.reminder-cron:0 */15 * * * *}")
	@SchedulerLock(name = "course-session-reminders", lockAtMostFor = "PT10M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	public void remindScheduled() {
		remind();
	}

	/**
	 * Reminds seated people of sessions starting within a day; each session once. Returns
	 * how many mails.
	 */
	@Transactional
	public int remind() {
		Instant now = clock.instant();
		int sent = 0;
		for (Session s : offerings.unremindedBetween(now, now.plus(REMIND_AHEAD))) {
			Offering offering = offerings.find(s.offering()).orElseThrow();
			String where = s.place() != null ? s.place() : s.onlineLink();
			for (var r : registrations.roster(s.offering())) {
				if (r.status() != RegistrationStatus.SEATED) {
					continue;
				}
				Locale language = identity.language(r.person());
				if (mail(r.person(), language, "courses.mail.reminder", offering.title(), when(s, language), where,
						baseUrl + "/courses/offerings/" + offering.id())) {
					sent++;
				}
			}
			offerings.markReminded(s.id());
		}
		return sent;
	}

	/**
	 * The session's start as its reader writes dates (the mail's language), with its
	 * zone.
	 */
	static String when(Session s, Locale language) {
		return WHEN.withLocale(language).format(s.start()) + " (" + s.start().getZone() + ")";
	}

	private boolean mail(PersonId person, Locale language, String key, Object... args) {
		String email = identity.person(person).map(PersonSummary::email).orElse(null);
		return email != null && !email.isBlank() && notifications.sendMail(email, language, key, args);
	}

}
