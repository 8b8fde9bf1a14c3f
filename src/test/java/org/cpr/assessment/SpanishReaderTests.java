package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import jakarta.mail.internet.MimeMessage;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.cpr.support.MailTest;
import org.cpr.support.MutableClock;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A Spanish-speaking resident (issue #19): the language they chose on the site is stored,
 * their snapshot's next steps are in Spanish, and the reminder e-mail they get a month
 * later is in Spanish too; an English reader of the same rules still reads English.
 */
@MailTest
class SpanishReaderTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	MutableClock clock;

	@Autowired
	SnapshotJobs jobs;

	@Autowired
	IdentityManagement identity;

	@Test
	void aSpanishReaderGetsSpanishNextStepsAndSpanishEmail() throws Exception {
		CprUser nurse = pediatricsResident(0);
		assertThat(identity.language(nurse.personId())).isEqualTo(Locale.ENGLISH);
		// the language switch, signed in: remembered for what is sent later
		mvc.perform(get("/snapshot").param("lang", "es").with(signedIn(nurse)));
		assertThat(identity.language(nurse.personId())).isEqualTo(Locale.forLanguageTag("es"));
		mvc.perform(get("/snapshot").param("lang", "xx").with(signedIn(nurse)));
		assertThat(identity.language(nurse.personId())).as("a language the site does not offer is ignored")
			.isEqualTo(Locale.forLanguageTag("es"));

		SnapshotDriver driver = new SnapshotDriver(mvc, nurse);
		driver.lang = "es";
		MvcResult taken = driver.takeAll("1", "0", "3");
		String results = mvc
			.perform(get(taken.getResponse().getRedirectedUrl()).with(signedIn(nurse))
				.cookie(new jakarta.servlet.http.Cookie("CPRLANG", "es")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String steps = results.substring(results.indexOf("id=\"next-steps\""));
		steps = steps.substring(0, steps.indexOf("</ul>"));
		assertThat(steps).contains("Un compañero capacitado que conoce este trabajo puede escucharle")
			.doesNotContain("A trained peer who knows the work can listen");
		String english = mvc.perform(get(taken.getResponse().getRedirectedUrl()).with(signedIn(nurse)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(english).contains("A trained peer who knows the work can listen");

		mvc.perform(post("/snapshot/reminders").with(signedIn(nurse)).with(csrf()).param("cadence", "MONTHLY"));
		clock.advance(Duration.ofDays(31));
		assertThat(jobs.remind()).isPositive();
		String address = identity.person(nurse.personId()).orElseThrow().email();
		await().atMost(Duration.ofSeconds(10)).until(() -> to(address).size() == 1);
		MimeMessage reminder = to(address).get(0);
		assertThat(reminder.getSubject()).isEqualTo("Es hora de su Resilience Snapshot");
		assertThat(GreenMailUtil.getBody(reminder)).contains("Sin recordatorios");
		// someone who never chose a language still gets English
		CprUser other = pediatricsResident(1);
		mvc.perform(post("/snapshot/reminders").with(signedIn(other)).with(csrf()).param("cadence", "MONTHLY"));
		new SnapshotDriver(mvc, other).takeAll("1", "0", "2");
		clock.advance(Duration.ofDays(31));
		jobs.remind();
		String otherAddress = identity.person(other.personId()).orElseThrow().email();
		await().atMost(Duration.ofSeconds(10)).until(() -> to(otherAddress).size() == 1);
		assertThat(to(otherAddress).get(0).getSubject()).isEqualTo("Time for your Resilience Snapshot");
		// no further reminders for the other tests of this shared context
		for (CprUser who : List.of(nurse, other)) {
			mvc.perform(post("/snapshot/reminders").with(signedIn(who)).with(csrf()).param("cadence", "OFF"));
		}
	}

	List<MimeMessage> to(String address) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return Arrays.stream(m.getAllRecipients()).anyMatch(r -> r.toString().contains(address));
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toList();
	}

	CprUser pediatricsResident(int index) {
		var program = identity.orgUnits().stream().filter(u -> "PRG-PEDS".equals(u.code())).findFirst().orElseThrow();
		PersonSummary p = identity.audience(List.of(program.id()), Set.of(TraineeType.RESIDENT), Set.of())
			.stream()
			.sorted(java.util.Comparator.comparing(PersonSummary::username))
			.toList()
			.get(index);
		return new CprUser(p.id(), p.username(), null, p.displayName(),
				Set.of(new ScopedRole(Role.PARTICIPANT, p.program())), false, true);
	}

}
