package org.cpr.safety.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
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
 * Safety mail is written in the language its reader chose for pages and e-mail (issue
 * #19), English when they never chose one: "you have a message" to the person, "a new
 * item needs review" to the clinician an alert is assigned to.
 */
@MailTest
class SafetyMailLanguageTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	ContactDoorbell doorbell;

	@Autowired
	AlertMailer alertMailer;

	@Autowired
	PeopleAdministration people;

	@Autowired
	IdentityManagement identity;

	@Test
	void thePersonIsToldAMessageWaitsInTheirOwnLanguage() {
		PersonId spanish = newPerson();
		identity.rememberLanguage(spanish, Locale.forLanguageTag("es"));
		PersonId english = newPerson();

		doorbell.on(new ContactReplyPosted(UUID.randomUUID(), spanish));
		doorbell.on(new ContactReplyPosted(UUID.randomUUID(), english));

		assertThat(subjectTo(spanish)).isEqualTo("Tiene un mensaje del programa de resiliencia");
		assertThat(subjectTo(english)).isEqualTo("You have a message from the resilience program");
	}

	@Test
	void theClinicianAnAlertIsAssignedToIsToldInTheirOwnLanguage() {
		PersonId spanish = newPerson();
		identity.rememberLanguage(spanish, Locale.forLanguageTag("es"));
		PersonId english = newPerson();

		alertMailer.notify(UUID.randomUUID(), spanish, 0);
		alertMailer.notify(UUID.randomUUID(), english, 0);

		assertThat(subjectTo(spanish)).isEqualTo("Hay un elemento nuevo para revisar");
		assertThat(subjectTo(english)).isEqualTo("A new item needs review");
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
