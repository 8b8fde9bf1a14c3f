package org.cpr.survey.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import java.time.LocalDate;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.cpr.shared.PersonId;
import org.cpr.survey.PrivacyMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.servlet.MockMvc;

/**
 * With {@code cpr.survey.invitation-sign-in-links}, an invitation carries a personal,
 * single-use sign-in link that lands on the wave's form without a password; the second
 * use is refused.
 */
@SpringBootTest(properties = { "cpr.survey.invitation-sign-in-links=true", "cpr.base-url=https://cpr.example.edu" })
@AutoConfigureMockMvc
class InvitationLinkTests {

	static final int PORT = 20000 + ThreadLocalRandom.current().nextInt(20000);

	@RegisterExtension
	static GreenMailExtension greenMail = new GreenMailExtension(new ServerSetup(PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void mail(DynamicPropertyRegistry r) {
		r.add("spring.mail.host", () -> "127.0.0.1");
		r.add("spring.mail.port", () -> PORT);
	}

	static final Pattern LINK = Pattern.compile("https://cpr\\.example\\.edu(/login/link\\?token=[A-Za-z0-9_-]+)");

	@Autowired
	CampaignService campaigns;

	@Autowired
	InvitationService invitations;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void theInvitationsLinkSignsInOnceAndOpensTheWave() throws Exception {
		PersonId fac = new PersonId(UUID.randomUUID());
		UUID program = jdbc.sql("SELECT program_id FROM person WHERE username = 'resident'").query(UUID.class).single();
		PersonId invitee = person(program);
		UUID c = campaigns.create(fac, "Link pulse", "phq-2", "1", PrivacyMode.ANONYMOUS, 5, 10);
		UUID wave = campaigns.addWave(c, "Dec", LocalDate.now().minusDays(1), LocalDate.now().plusDays(5));
		campaigns.addToRoster(c, invitee, program);
		campaigns.launch(fac, c);

		assertThat(invitations.invite(wave)).isEqualTo(1);
		String body = GreenMailUtil.getBody(greenMail.getReceivedMessages()[0]).replace("=\r\n", "");
		Matcher m = LINK.matcher(body);
		assertThat(m.find()).as("the invitation carries a sign-in link: %s", body).isTrue();
		String path = m.group(1);
		String token = path.substring(path.indexOf("token=") + 6);

		mvc.perform(get(path)).andExpect(status().isOk());
		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login/link").param("token", token).session(session).with(csrf()))
			.andExpect(redirectedUrl("/surveys/waves/" + wave));
		mvc.perform(get("/surveys/waves/" + wave).session(session)).andExpect(status().isOk());
		mvc.perform(post("/login/link").param("token", token).with(csrf())).andExpect(status().isGone());
	}

	private PersonId person(UUID program) {
		UUID id = UUID.randomUUID();
		String username = "invitee-" + id.toString().substring(0, 8);
		jdbc.sql("INSERT INTO person (id, username, email, display_name, trainee_type, training_level, program_id,"
				+ " password_hash, active, created_at, version) VALUES (:id, :u, :e, 'Invitee', 'RESIDENT', 'PGY2',"
				+ " :program, '{bcrypt}unused', TRUE, CURRENT_TIMESTAMP, 0)")
			.param("id", id)
			.param("u", username)
			.param("e", username + "@example.org")
			.param("program", program)
			.update();
		jdbc.sql("INSERT INTO role_grant (id, person_id, role, org_unit_id, granted_at)"
				+ " VALUES (:id, :person, 'PARTICIPANT', :program, CURRENT_TIMESTAMP)")
			.param("id", UUID.randomUUID())
			.param("person", id)
			.param("program", program)
			.update();
		return new PersonId(id);
	}

}
