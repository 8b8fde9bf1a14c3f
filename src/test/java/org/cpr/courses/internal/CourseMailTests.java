package org.cpr.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.Arrays;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.cpr.courses.AttendanceVisibility;
import org.cpr.courses.CourseCatalogue;
import org.cpr.courses.CourseFixtures;
import org.cpr.courses.OfferingId;
import org.cpr.courses.RegistrationStatus;
import org.cpr.courses.Registrations;
import org.cpr.courses.Session;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.support.MailTest;
import org.cpr.support.MutableClock;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A waitlisted person gets an e-mail when a seat frees; seated people get a reminder the
 * day before.
 */
@MailTest
class CourseMailTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	IdentityManagement identity;

	@Autowired
	CourseMailer mailer;

	@Autowired
	MutableClock clock;

	MimeMessage[] to(String email, String subject) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return GreenMailUtil.getAddressList(m.getAllRecipients()).equals(email)
						&& m.getSubject().contains(subject);
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

	@Test
	void aFreedSeatGoesToTheFirstOnTheWaitlistWhoGetsAnEmail() throws Exception {
		PersonSummary first = identity.byUsername("resident").orElseThrow();
		PersonSummary waiting = identity.byUsername("leader").orElseThrow();
		OfferingId id = catalogue.create(
				CourseFixtures.plan("Boundaries workshop", 1, 1, AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of()),
				null);
		registrations.register(id, first.id(), Set.of());
		assertThat(registrations.register(id, waiting.id(), Set.of()).status())
			.isEqualTo(RegistrationStatus.WAITLISTED);

		registrations.cancel(id, first.id(), false);

		assertThat(registrations.find(id, waiting.id()).orElseThrow().status()).isEqualTo(RegistrationStatus.SEATED);
		await().atMost(Duration.ofSeconds(20)).until(() -> to(waiting.email(), "A seat is yours").length == 1);
		String body = to(waiting.email(), "A seat is yours")[0].getContent().toString();
		assertThat(body).contains("Boundaries workshop")
			.contains("/courses/offerings/" + id)
			.doesNotContain(first.displayName());
		assertThat(to(first.email(), "A seat is yours")).isEmpty();
	}

	@Test
	void seatedPeopleAreRemindedOnceTheDayBefore() throws Exception {
		PersonSummary seated = identity.byUsername("peer").orElseThrow();
		OfferingId id = catalogue
			.create(CourseFixtures.plan("Reminder workshop", 5, 1, AttendanceVisibility.CONFIDENTIAL, Set.of()), null);
		registrations.register(id, seated.id(), Set.of());
		Session s = catalogue.find(id).orElseThrow().sessions().get(0);
		clock.set(s.start().toInstant().minus(Duration.ofHours(30)));
		mailer.remind();
		assertThat(to(seated.email(), "Reminder: Reminder workshop")).isEmpty();
		clock.set(s.start().toInstant().minus(Duration.ofHours(20)));
		mailer.remind();
		mailer.remind();
		assertThat(to(seated.email(), "Reminder: Reminder workshop")).hasSize(1);
		assertThat(to(seated.email(), "Reminder: Reminder workshop")[0].getContent().toString())
			.contains("Education Center, Room 2");
		clock.set(java.time.Instant.parse("2026-03-02T09:00:00Z"));
	}

}
