package org.cpr.notification.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.cpr.directory.DirectoryReviewDue;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.support.MailTest;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A directory entry's owner is reminded of its review in the language they chose for
 * pages and e-mail (issue #19), and in English when they never chose one.
 */
@MailTest
class DirectoryReviewMailLanguageTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	DirectoryReviewMailer mailer;

	@Autowired
	PeopleAdministration people;

	@Autowired
	IdentityManagement identity;

	@Test
	void theOwnerIsRemindedInTheirOwnLanguage() {
		PersonId spanish = newPerson();
		identity.rememberLanguage(spanish, Locale.forLanguageTag("es"));
		PersonId english = newPerson();

		mailer.on(new DirectoryReviewDue(UUID.randomUUID(), spanish, LocalDate.of(2026, 1, 5)));
		mailer.on(new DirectoryReviewDue(UUID.randomUUID(), english, LocalDate.of(2026, 1, 5)));

		assertThat(subjectTo(spanish)).isEqualTo("Una entrada del directorio a su cargo necesita revisión");
		assertThat(subjectTo(english)).isEqualTo("A directory entry you own needs its review");
	}

	PersonId newPerson() {
		String username = "d" + UUID.randomUUID().toString().substring(0, 12);
		return new PersonId(
				people.create(new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example",
						"Persona " + username, TraineeType.NURSE, null, null, null, true), null));
	}

	String subjectTo(PersonId person) {
		return TestMail.subjectOfTheMailTo(mail, identity.person(person).orElseThrow().email());
	}

}
