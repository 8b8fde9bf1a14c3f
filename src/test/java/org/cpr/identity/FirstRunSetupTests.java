package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * A production installation on an empty database, as a hospital's IT team meets it: no
 * people, so the node prints one set-up link; it expires, works once, creates the first
 * system administrator (who must enrol two-step sign-in at once) and is refused for good
 * once an administrator exists.
 */
@SpringBootTest(properties = "cpr.demo.seed=false")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@ExtendWith(OutputCaptureExtension.class)
class FirstRunSetupTests {

	static final String PASSWORD = "lantern harbour copper finch";

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	FirstAdministrator setup;

	@Test
	void anEmptyInstallationGetsOneExpiringSingleUseLinkThatCreatesTheFirstAdministrator(CapturedOutput output)
			throws Exception {
		Matcher printed = Pattern.compile(
				"FIRST_RUN_SETUP no system administrator exists\\. Open http://localhost:8080/setup\\?token=([A-Za-z0-9_-]{43}) within")
			.matcher(output.getAll());
		assertThat(printed.find()).as("the start-up log prints the set-up link").isTrue();
		String expiring = printed.group(1);
		assertThat(setup.issue()).as("a second node prints no second link while this one is live").isEmpty();

		assertThat(page(get("/setup").param("token", "not-the-token")).getContentAsString())
			.contains("id=\"setup-invalid\"");
		assertThat(page(get("/setup").param("token", expiring)).getContentAsString()).contains("id=\"setup-create\"");

		clock.advance(Duration.ofHours(3));
		MockHttpServletResponse late = page(get("/setup").param("token", expiring));
		assertThat(late.getStatus()).isEqualTo(404);
		assertThat(late.getContentAsString()).contains("id=\"setup-invalid\"");
		String token = setup.issue().orElseThrow();

		MockHttpServletResponse mismatch = page(submit(token, PASSWORD, "something else"));
		assertThat(mismatch.getContentAsString()).contains("The two new passwords are not the same.")
			.contains("value=\"Front Range Health Sciences\"")
			.contains("value=\"first-admin\"");
		assertThat(page(submit(token, "password1", "password1")).getContentAsString()).contains("common or leaked");
		assertThat(setup.needed()).as("refused forms create nobody and keep the link").isTrue();

		assertThat(page(submit(token, PASSWORD, PASSWORD)).getRedirectedUrl()).isEqualTo("/login?setup");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM role_grant g JOIN person p ON p.id = g.person_id"
				+ " JOIN org_unit u ON u.id = g.org_unit_id WHERE p.username = 'first-admin' AND g.role = 'SYSTEM_ADMIN'"
				+ " AND u.code = 'FRHS' AND u.kind = 'INSTITUTION'", Long.class))
			.isEqualTo(1);
		await().atMost(Duration.ofSeconds(10))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM audit_log WHERE action = 'FIRST_ADMINISTRATOR_CREATED'", Long.class) == 1);
		assertThat(output.getAll()).doesNotContain("first-admin@example.org");

		MockHttpServletResponse reused = page(submit(token, PASSWORD, PASSWORD));
		assertThat(reused.getStatus()).isEqualTo(404);
		assertThat(reused.getContentAsString()).contains("id=\"setup-closed\"");
		assertThat(setup.issue()).as("no new link once an administrator exists, whatever restarts").isEmpty();

		MockHttpSession session = new MockHttpSession();
		mvc.perform(post("/login").session(session)
			.param("username", "first-admin")
			.param("password", PASSWORD)
			.with(csrf()));
		assertThat(mvc.perform(get("/admin/roster").session(session)).andReturn().getResponse().getRedirectedUrl())
			.as("the first administrator enrols two-step sign-in before anything else")
			.isEqualTo("/mfa/enrol");
	}

	MockHttpServletResponse page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse();
	}

	static MockHttpServletRequestBuilder submit(String token, String password, String confirmation) {
		return post("/setup").with(csrf())
			.param("token", token)
			.param("institutionCode", "FRHS")
			.param("institutionName", "Front Range Health Sciences")
			.param("username", "first-admin")
			.param("email", "first-admin@example.org")
			.param("displayName", "Avery Admin")
			.param("password", password)
			.param("confirmation", confirmation);
	}

}
