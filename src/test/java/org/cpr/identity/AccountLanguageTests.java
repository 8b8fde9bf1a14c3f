package org.cpr.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.Cookie;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * A person chooses English or Spanish on their account page: it is stored with the
 * account (so e-mail follows it), applies at once, and applies again at the next sign-in
 * on a browser whose language cookie says otherwise.
 */
@SpringBootTest
@AutoConfigureMockMvc
class AccountLanguageTests {

	static final java.util.concurrent.atomic.AtomicInteger CLIENTS = new java.util.concurrent.atomic.AtomicInteger();

	static final String PASSWORD = "juniper-lantern-rows-quietly-7";

	@Autowired
	MockMvc mvc;

	@Autowired
	PeopleAdministration people;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcClient jdbc;

	String newNurse() {
		String username = "l" + UUID.randomUUID().toString().substring(0, 12);
		UUID person = people.create(new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example",
				"Enfermera " + username, TraineeType.NURSE, null, null, null, true), null);
		assertThat(people.setPassword(person, PASSWORD, null)).isEmpty();
		UUID campus = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		people.grant(person, Role.PARTICIPANT, campus, null);
		return username;
	}

	/**
	 * Signs in from a browser whose language cookie (if any) is {@code browserLanguage}.
	 */
	MvcResult signIn(String username, MockHttpSession session, String browserLanguage) throws Exception {
		var login = post("/login").session(session)
			.param("username", username)
			.param("password", PASSWORD)
			.with(csrf())
			.with(r -> {
				// an address of its own for every sign-in: the shared contexts' clock is
				// frozen,
				// so a shared address can reach the throttle's 20 attempts in one window
				r.setRemoteAddr("2001:db8:ac::" + Integer.toHexString(CLIENTS.incrementAndGet()));
				return r;
			});
		if (browserLanguage != null) {
			login.cookie(new Cookie("CPRLANG", browserLanguage));
		}
		return mvc.perform(login).andExpect(redirectedUrl("/home")).andReturn();
	}

	String page(String path, MockHttpSession session, String language) throws Exception {
		return mvc.perform(get(path).session(session).cookie(new Cookie("CPRLANG", language)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	String stored(String username) {
		return jdbc.sql("SELECT preferred_locale FROM person WHERE username = ?")
			.param(username)
			.query(String.class)
			.optional()
			.orElse(null);
	}

	@Test
	void theLanguageChosenOnTheAccountPageIsStoredUsedAtOnceAndAgainAtTheNextSignIn() throws Exception {
		String nurse = newNurse();
		MockHttpSession session = new MockHttpSession();
		MvcResult first = signIn(nurse, session, null);
		assertThat(first.getResponse().getCookie("CPRLANG")).as("nothing chosen yet: the browser's language stays")
			.isNull();

		String account = page("/account", session, "en");
		assertThat(account).contains("id=\"language-form\"")
			.contains("Show pages and send e-mail in")
			.contains("lang=\"es\"")
			.contains("Español");
		assertThat(account.replaceAll("\\s+", " ")).as("English is the current choice")
			.containsPattern("value=\"en\" id=\"language-en\" checked")
			.doesNotContainPattern("value=\"es\" id=\"language-es\" checked");

		MvcResult chosen = mvc.perform(post("/account/language").session(session).with(csrf()).param("language", "es"))
			.andExpect(redirectedUrl("/account"))
			.andReturn();
		assertThat(chosen.getResponse().getCookie("CPRLANG")).as("applies at once").isNotNull();
		assertThat(chosen.getResponse().getCookie("CPRLANG").getValue()).isEqualTo("es");
		assertThat(stored(nurse)).isEqualTo("es");
		PersonId id = identity.byUsername(nurse).orElseThrow().id();
		assertThat(identity.language(id)).as("e-mail follows it").isEqualTo(Locale.forLanguageTag("es"));
		String spanish = mvc.perform(
				get("/account").session(session).cookie(new Cookie("CPRLANG", "es")).flashAttrs(chosen.getFlashMap()))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(spanish).contains("Se guardó su idioma.").contains("Idioma");
		assertThat(spanish.replaceAll("\\s+", " ")).containsPattern("value=\"es\" id=\"language-es\" checked");

		// next sign-in, on a browser that was left in English
		mvc.perform(post("/logout").session(session).with(csrf()));
		MockHttpSession again = new MockHttpSession();
		MvcResult next = signIn(nurse, again, "en");
		assertThat(next.getResponse().getCookie("CPRLANG")).as("the stored choice wins over the browser's cookie")
			.isNotNull();
		assertThat(next.getResponse().getCookie("CPRLANG").getValue()).isEqualTo("es");
		assertThat(page("/home", again, next.getResponse().getCookie("CPRLANG").getValue())).contains("lang=\"es\"");

		// and back to English
		mvc.perform(post("/account/language").session(again).with(csrf()).param("language", "en"))
			.andExpect(redirectedUrl("/account"));
		assertThat(stored(nurse)).isEqualTo("en");
		assertThat(signIn(nurse, new MockHttpSession(), "es").getResponse().getCookie("CPRLANG").getValue())
			.isEqualTo("en");
	}

	@Test
	void aLanguageTheSiteDoesNotOfferIsRefusedWithAMessageAndChangesNothing() throws Exception {
		String nurse = newNurse();
		MockHttpSession session = new MockHttpSession();
		signIn(nurse, session, null);
		for (String wrong : new String[] { "fr", "", "es-ES<script>" }) {
			String page = mvc.perform(post("/account/language").session(session).with(csrf()).param("language", wrong))
				.andExpect(status().isUnprocessableContent())
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("Choose English or Spanish.").contains("role=\"alert\"");
		}
		mvc.perform(post("/account/language").session(session).with(csrf()))
			.andExpect(status().isUnprocessableContent());
		assertThat(stored(nurse)).isNull();
		mvc.perform(post("/account/language").with(csrf()).param("language", "es"))
			.andExpect(status().is3xxRedirection())
			.andExpect(r -> assertThat(r.getResponse().getRedirectedUrl()).contains("/login"));
	}

}
