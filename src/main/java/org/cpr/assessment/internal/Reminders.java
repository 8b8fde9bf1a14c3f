package org.cpr.assessment.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.assessment.ReminderCadence;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.notification.Notifications;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Reminders to take the snapshot again at the cadence the person chose. A daily ShedLock
 * job (one node sends) mails those whose last snapshot, last reminder and choice are all
 * a cadence ago. The mail names no result.
 */
@Component
class Reminders {

	private final JdbcClient jdbc;

	private final IdentityManagement identity;

	private final Notifications notifications;

	private final Clock clock;

	Reminders(JdbcClient jdbc, IdentityManagement identity, Notifications notifications, Clock clock) {
		this.jdbc = jdbc;
		this.identity = identity;
		this.notifications = notifications;
		this.clock = clock;
	}

	public ReminderCadence cadence(PersonId person) {
		return jdbc.sql("SELECT cadence FROM assessment_reminder WHERE person_id = ?")
			.param(person.value())
			.query(String.class)
			.optional()
			.map(ReminderCadence::valueOf)
			.orElse(ReminderCadence.OFF);
	}

	@Transactional
	public void choose(PersonId person, ReminderCadence cadence) {
		jdbc.sql("DELETE FROM assessment_reminder WHERE person_id = ?").param(person.value()).update();
		jdbc.sql("INSERT INTO assessment_reminder (person_id, cadence, last_sent_on, chosen_on) VALUES (?, ?, NULL, ?)")
			.params(person.value(), cadence.name(), Date.valueOf(today()))
			.update();
	}

	@Scheduled(cron = "${cpr.snapshot.reminder-cron:0 30 7 * * *}")
	@SchedulerLock(name = "snapshot-reminders", lockAtMostFor = "PT30M",
			lockAtLeastFor = "${cpr.scheduling.cron-lock-at-least:PT1M}")
	public void remindDaily() {
		remind();
	}

	/** Sends every reminder that is due; returns how many were sent. */
	@Transactional
	public int remind() {
		LocalDate today = today();
		record Due(UUID person, ReminderCadence cadence, LocalDate since) {
		}
		List<Due> candidates = jdbc.sql("""
				SELECT r.person_id, r.cadence, r.chosen_on, r.last_sent_on,
				  (SELECT MAX(s.submitted_at) FROM assessment_submission s WHERE s.person_id = r.person_id)
				FROM assessment_reminder r WHERE r.cadence <> 'OFF'""").query((rs, n) -> {
			LocalDate since = rs.getDate(3).toLocalDate();
			if (rs.getDate(4) != null && rs.getDate(4).toLocalDate().isAfter(since)) {
				since = rs.getDate(4).toLocalDate();
			}
			if (rs.getTimestamp(5) != null) {
				LocalDate last = LocalDate.ofInstant(rs.getTimestamp(5).toInstant(), ZoneOffset.UTC);
				since = last.isAfter(since) ? last : since;
			}
			return new Due(rs.getObject(1, UUID.class), ReminderCadence.valueOf(rs.getString(2)), since);
		}).list();
		int sent = 0;
		for (Due due : candidates) {
			if (today.isBefore(due.since().plusMonths(due.cadence().months()))) {
				continue;
			}
			Optional<String> email = identity.person(new PersonId(due.person()))
				.filter(PersonSummary::active)
				.map(PersonSummary::email)
				.filter(e -> e != null && !e.isBlank());
			if (email.isPresent()) {
				notifications.sendMail(email.get(), identity.language(new PersonId(due.person())), "snapshot.reminder");
				sent++;
			}
			jdbc.sql("UPDATE assessment_reminder SET last_sent_on = ? WHERE person_id = ?")
				.params(Date.valueOf(today), due.person())
				.update();
		}
		return sent;
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
