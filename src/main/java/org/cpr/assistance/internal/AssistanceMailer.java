package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.assistance.Appointment;
import org.cpr.assistance.AppointmentBooked;
import org.cpr.assistance.AppointmentCancelled;
import org.cpr.assistance.GlassBroken;
import org.cpr.assistance.SlotsOpened;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.modulith.events.ApplicationModuleListener;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every e-mail of the module. Mails about appointments say only "appointment with the
 * resilience program", the time and a link: never the clinician's specialty, a reason, or
 * who the other party is. Break-the-glass notices name the episode id and the time, never
 * the person or the reason.
 */
@Component
class AssistanceMailer {

	static final Duration REMIND_AHEAD = Duration.ofHours(24);

	private static final DateTimeFormatter WHEN = DateTimeFormatter.ofLocalizedDateTime(FormatStyle.FULL,
			FormatStyle.SHORT);

	private final AppointmentStore appointments;

	private final EpisodeStore episodes;

	private final WaitlistStore waitlist;

	private final ReferralStore referrals;

	private final IdentityManagement identity;

	private final Notifications notifications;

	private final Clock clock;

	private final String baseUrl;

	AssistanceMailer(AppointmentStore appointments, EpisodeStore episodes, WaitlistStore waitlist,
			ReferralStore referrals, IdentityManagement identity, Notifications notifications, Clock clock,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.appointments = appointments;
		this.episodes = episodes;
		this.waitlist = waitlist;
		this.referrals = referrals;
		this.identity = identity;
		this.notifications = notifications;
		this.clock = clock;
		this.baseUrl = baseUrl;
	}

	@ApplicationModuleListener
	void on(AppointmentBooked event) {
		appointments.find(event.appointmentId())
			.filter(a -> !a.cancelled())
			.ifPresent(a -> mail(a.person(), event.rescheduled() ? "assistance.mail.moved" : "assistance.mail.booked",
					when(a), baseUrl + "/assistance/mine"));
	}

	@ApplicationModuleListener
	void on(AppointmentCancelled event) {
		appointments.find(event.appointmentId()).ifPresent(a -> {
			mail(a.person(), "assistance.mail.cancelled", when(a), baseUrl + "/assistance/mine");
			mail(a.clinician(), "assistance.mail.cancelled", when(a), baseUrl + "/assistance/clinician");
		});
	}

	/**
	 * The privacy officers and the treating clinicians hear of a break-the-glass at once.
	 */
	@ApplicationModuleListener
	void on(GlassBroken event) {
		Set<PersonId> told = new LinkedHashSet<>();
		identity.holdersOf(Role.PRIVACY_OFFICER).forEach(p -> told.add(p.id()));
		episodes.find(event.episodeId()).ifPresent(e -> told.addAll(e.careTeam()));
		String link = baseUrl + "/assistance/episodes/" + event.episodeId();
		told.forEach(p -> mail(p, "assistance.mail.glass", event.episodeId().toString(), link));
	}

	/**
	 * New or freed slots: everyone waiting hears once per event (they book themselves;
	 * first come, first served).
	 */
	@ApplicationModuleListener
	void on(SlotsOpened event) {
		waitlist.all().forEach(w -> mail(w.person(), "assistance.mail.slots", baseUrl + "/assistance/book"));
	}

	@Scheduled(cron = "${cpr.assistance.reminder-cron:0 */15 * * * *}")
	@SchedulerLock(name = "assistance-reminders", lockAtMostFor = "PT10M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	public void remindScheduled() {
		remind();
		followUps();
	}

	/**
	 * Reminds people of appointments starting within a day, each once; returns how many
	 * mails were handed over.
	 */
	@Transactional
	public int remind() {
		Instant now = clock.instant();
		int sent = 0;
		for (Appointment a : appointments.unreminded(now, now.plus(REMIND_AHEAD))) {
			if (mail(a.person(), "assistance.mail.reminder", when(a), baseUrl + "/assistance/mine")) {
				sent++;
			}
			appointments.markReminded(a.id());
		}
		return sent;
	}

	/**
	 * Tells referring clinicians of referrals whose follow-up day has come; returns how
	 * many.
	 */
	@Transactional
	public int followUps() {
		int sent = 0;
		for (var r : referrals.followUpsDue(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC))) {
			if (mail(r.createdBy(), "assistance.mail.followUp", baseUrl + "/assistance/episodes/" + r.episodeId())) {
				sent++;
			}
			referrals.markReminded(r.id());
		}
		return sent;
	}

	private static String when(Appointment a) {
		return WHEN.withLocale(Locale.ENGLISH).format(a.start()) + " (" + a.start().getZone() + ")";
	}

	private boolean mail(PersonId person, String key, Object... args) {
		String email = identity.person(person).map(PersonSummary::email).orElse(null);
		return email != null && !email.isBlank() && notifications.sendMail(email, identity.language(person), key, args);
	}

}
