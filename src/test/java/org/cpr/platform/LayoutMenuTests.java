package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Controller;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The shared layout's header: who sees the signed-in menu and which links it holds. The
 * page model decides "signed in?" once per request; a page rendered without the page
 * model (an error page from an exception handler) still shows the menu of whoever is
 * signed in.
 */
@SpringBootTest
@AutoConfigureMockMvc
class LayoutMenuTests {

	@Autowired
	MockMvc mvc;

	@Test
	void someoneNotSignedInSeesSignInAndThePublicLinksButNoMenu() throws Exception {
		String page = page(get("/crisis"));
		assertThat(page).contains("href=\"/login\"", "href=\"/directory\"", "href=\"/speak-up\"")
			.doesNotContain("<details class=\"menu\"", "Sign out", "href=\"/snapshot\"");
	}

	@Test
	void aParticipantSeesTheMenuWithTheirLinksOnlyAndSignOut() throws Exception {
		String page = page(get("/crisis").with(signedIn(as(Role.PARTICIPANT))));
		assertThat(page).contains("<details class=\"menu\"", "href=\"/home\"", "href=\"/snapshot\"", "Sign out")
			.doesNotContain("href=\"/admin/people\"", "href=\"/snapshot/aggregate\"", "href=\"/login\"");
	}

	@Test
	void anAdministratorAlsoSeesTheAdministrationLinks() throws Exception {
		String page = page(get("/crisis").with(signedIn(as(Role.ADMINISTRATOR))));
		assertThat(page)
			.contains("<details class=\"menu\"", "href=\"/admin/people\"", "href=\"/snapshot/aggregate\"", "Sign out")
			.doesNotContain("href=\"/login\"");
	}

	@Test
	void anErrorPageRenderedByAnExceptionHandlerStillShowsTheSignedInMenu() throws Exception {
		String signedInPage = page(get("/layout-test/conflict").with(signedIn(as(Role.PARTICIPANT))));
		assertThat(signedInPage).contains("<details class=\"menu\"", "Sign out").doesNotContain("href=\"/login\"");
	}

	@Test
	void everyPageTitleNamesTheSiteAfterThePageInTheReadersLanguage() throws Exception {
		assertThat(page(get("/crisis"))).contains("<title>Crisis resources — CPR</title>");
		assertThat(page(get("/crisis").param("lang", "es"))).contains("<title>Recursos de crisis — CPR</title>");
		// before anyone chooses, the browser's language decides, if the site offers it
		assertThat(page(get("/crisis").header("Accept-Language", "es-MX,es;q=0.9,en;q=0.5")))
			.contains("<title>Recursos de crisis — CPR</title>")
			.contains("<html lang=\"es\">");
		assertThat(page(get("/crisis").header("Accept-Language", "fr-FR,fr;q=0.9,es;q=0.5")))
			.contains("<title>Recursos de crisis — CPR</title>");
		assertThat(page(get("/crisis").header("Accept-Language", "de-DE,en;q=0.8,es;q=0.5")))
			.contains("<title>Crisis resources — CPR</title>");
		assertThat(page(get("/crisis").header("Accept-Language", "de-DE"))).contains("<html lang=\"en\">");
		assertThat(page(get("/home").with(signedIn(as(Role.PARTICIPANT))))).contains("<title>Home — CPR</title>");
		// an error page rendered by an exception handler too, and the site is named once
		String error = page(get("/layout-test/conflict").with(signedIn(as(Role.PARTICIPANT))));
		assertThat(error).containsPattern("<title>[^<]+ — CPR</title>").doesNotContain("CPR — CPR");
	}

	@Test
	void aChartsOwnTitleInsideThePageIsLeftAsItIs() throws Exception {
		String page = page(get("/layout-test/chart").with(signedIn(as(Role.PARTICIPANT))));
		assertThat(page).contains("<title>Crisis resources — CPR</title>")
			.contains("<title id=\"chart-t\">Scores over time</title>");
		assertThat(page(get("/"))).contains("<title>Clinician Program for Resilience — CPR</title>");
	}

	private String page(MockHttpServletRequestBuilder request) throws Exception {
		return mvc.perform(request).andReturn().getResponse().getContentAsString();
	}

	@TestConfiguration(proxyBeanMethods = false)
	@Import(ConflictController.class)
	static class Pages {

	}

	/** Fails as a unique constraint would, so the page exception handler renders it. */
	@Controller
	static class ConflictController {

		@GetMapping("/layout-test/conflict")
		String conflict() {
			throw new DuplicateKeyException("duplicate");
		}

		@GetMapping("/layout-test/chart")
		String chart() {
			return "layout-test/chart";
		}

	}

}
