package org.cpr.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.cpr.shared.PersonId;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.ResponseRate;
import org.cpr.survey.SubmissionContext;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Invitations and reminders go out by SMTP (GreenMail), localized; the response-rate view
 * hides small groups.
 */
@SpringBootTest
class InvitationMailTests {

	static final int PORT = 20000 + ThreadLocalRandom.current().nextInt(20000);

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry r) {
		r.add("spring.mail.host", () -> "127.0.0.1");
		r.add("spring.mail.port", () -> PORT);
	}

	static final Map<PersonId, SurveyRecipients.Recipient> DIRECTORY = new java.util.concurrent.ConcurrentHashMap<>();

	@TestConfiguration
	static class Directory {

		@Bean
		@org.springframework.context.annotation.Primary
		SurveyRecipients recipients() {
			return p -> Optional.ofNullable(DIRECTORY.get(p));
		}

	}

	@Autowired
	CampaignService campaigns;

	@Autowired
	InvitationService invitations;

	@Autowired
	SubmissionService submissions;

	@Test
	void invitesTheRosterRemindsOnlyThoseWhoHaveNotAnsweredAndShowsRates() throws Exception {
		PersonId fac = new PersonId(UUID.randomUUID());
		UUID unit = UUID.randomUUID();
		UUID small = UUID.randomUUID();
		UUID c = campaigns.create(fac, "Wellbeing pulse", "phq-2", "1", PrivacyMode.ANONYMOUS, 5, 10);
		UUID wave = campaigns.addWave(c, "Nov", LocalDate.now().minusDays(1), LocalDate.now().plusDays(5));
		List<PersonId> people = new java.util.ArrayList<>();
		for (int i = 0; i < 7; i++) {
			PersonId p = new PersonId(UUID.randomUUID());
			people.add(p);
			DIRECTORY.put(p, new SurveyRecipients.Recipient("r" + i + "@example.org",
					i == 0 ? Locale.of("es") : Locale.ENGLISH));
			campaigns.addToRoster(c, p, i < 5 ? unit : small);
		}
		campaigns.launch(fac, c);

		assertThat(invitations.invite(wave)).isEqualTo(7);
		assertThat(invitations.invite(wave)).as("nobody is invited twice").isZero();
		MimeMessage[] sent = greenMail.getReceivedMessages();
		assertThat(sent).hasSize(7);
		assertThat(List.of(sent).stream().map(this::subject)).contains("You are invited to answer: Wellbeing pulse",
				"Le invitamos a responder: Wellbeing pulse");

		submissions.submit(wave, people.get(1), "k", Map.of("1", 1, "2", 0), new SubmissionContext(null, null, null));
		assertThat(invitations.remind(wave)).isEqualTo(6);
		assertThat(greenMail.getReceivedMessages()).hasSize(13);

		List<ResponseRate> rates = invitations.rates(wave, 5);
		// One answer of seven: the completed count goes through the disclosure gate and
		// is never "1".
		assertThat(rates.get(0)).isEqualTo(new ResponseRate("ALL", "7", "fewer than 5 responses"));
		assertThat(rates).contains(new ResponseRate(unit.toString(), "5", "fewer than 5 responses"),
				new ResponseRate(small.toString(), "fewer than 5", "fewer than 5"));
	}

	private String subject(MimeMessage m) {
		try {
			return m.getSubject();
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

}
