package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Page;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.cpr.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The foundation as a person meets it, in the system Chromium at phone size. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
class FoundationBrowserIT {

	static final String PASSWORD = "demo-resilience-2026";

	@LocalServerPort
	int port;

	Page page() {
		return BrowserSupport.phone("http://localhost:" + port);
	}

	static void signIn(Page page, String username) {
		try {
			page.navigate("/login");
			// by the fields' ids, not their labels: a browser that asks for Spanish gets
			// the
			// form in Spanish
			page.locator("#username").fill(username);
			page.locator("#password").fill(PASSWORD);
			String form = page.url();
			page.locator("form.stack button[type=submit]").click();
			// the sign-in answers with a redirect (home, the second factor, or the form
			// with its error): wait for it, or the caller's next navigation can cancel
			// the
			// POST before its session cookie arrives
			page.waitForURL(url -> !url.equals(form));
		}
		catch (com.microsoft.playwright.PlaywrightException ex) {
			// say what the browser shows instead of a bare timeout
			throw new AssertionError("signing in as " + username + " stopped at " + shown(page), ex);
		}
	}

	/** Where the page is and what it shows, for a failure message. */
	static String shown(Page page) {
		try {
			return page.url() + " showing: " + page.locator("body")
				.innerText(new com.microsoft.playwright.Locator.InnerTextOptions().setTimeout(5000));
		}
		catch (com.microsoft.playwright.PlaywrightException ex) {
			return page.url() + " (no readable page: " + ex.getMessage() + ")";
		}
	}

	@Test
	void threeRolesSignInOnAPhoneAndSeeTheirOwnNavigation() {
		Page resident = page();
		signIn(resident, "resident");
		assertThat(resident.locator("h1")).containsText("Welcome, Alex Rivera");
		assertThat(resident.locator("nav.main-nav")).containsText("You said, we did");
		assertThat(resident.locator("nav.main-nav")).not().containsText("Improvement register");
		assertThat(resident.locator("footer a.crisis-link")).isVisible();
		assertThat(resident.locator("header a.header-crisis")).isVisible(); // crisis help
																			// from the
																			// header of
																			// every page
		assertThat(resident.locator("nav.main-nav a", new Page.LocatorOptions().setHasText("You said, we did")))
			.isHidden(); // on a phone the menu starts collapsed
		assertThat(resident.locator("details.menu > summary")).hasText("Menu");
		double headerHeight = ((Number) resident
			.evaluate("document.querySelector('header.site-header').getBoundingClientRect().height")).doubleValue();
		assertThat(headerHeight).as("collapsed header height on an 740 px tall phone").isLessThan(160);
		resident.locator("details.menu > summary").click();
		assertThat(resident.locator("nav.main-nav a", new Page.LocatorOptions().setHasText("You said, we did")))
			.isVisible();

		Page facilitator = page();
		signIn(facilitator, "facilitator");
		assertThat(facilitator.locator("h1")).containsText("Welcome, Jordan Patel");
		assertThat(facilitator.locator("nav.main-nav")).containsText("Improvement register");

		Page director = page();
		signIn(director, "director");
		assertThat(director.locator("h1")).containsText("Welcome, Dr. Casey Nguyen");
		assertThat(director.locator("nav.main-nav")).containsText("CQI report");
		assertThat(director.locator("nav.main-nav")).not().containsText("Safety alerts");
		director.locator("details.menu > summary").click();
		director.locator("button", new Page.LocatorOptions().setHasText("Sign out")).click();
		assertThat(director).hasURL(java.util.regex.Pattern.compile(".*/login\\?logout"));
	}

	@Test
	void languageSwitchesToSpanishAndBack() {
		Page page = page();
		page.navigate("/login");
		page.getByText("Español").click();
		assertThat(page.locator("h1")).hasText("Iniciar sesión");
		assertThat(page.locator("html")).hasAttribute("lang", "es");
		page.navigate("/crisis");
		assertThat(page.locator("h1")).hasText("Recursos de crisis");
		page.getByText("English").click();
		assertThat(page.locator("h1")).hasText("Crisis resources");
		assertThat(page.locator("html")).hasAttribute("lang", "en");
	}

	@Test
	void keyPagesHaveNoSeriousOrCriticalAccessibilityViolations() {
		Page page = page();
		for (String path : List.of("/login", "/crisis", "/speak-up")) {
			page.navigate(path);
			assertNoSeriousViolations(page, path);
		}
		signIn(page, "resident");
		assertNoSeriousViolations(page, "/home");
		page.navigate("/account");
		assertNoSeriousViolations(page, "/account");
	}

	@Test
	void clinicianEnrolsTwoStepSignInBeforeReachingAnything() throws Exception {
		Page page = page();
		signIn(page, "clinician");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/mfa/enrol"));
		assertThat(page.locator("#totp-qr")).isVisible();
		String secret = page.locator("#totp-secret").innerText().strip();
		page.navigate("/clinician/alerts");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*/mfa/enrol"));
		String code = new DefaultCodeGenerator().generate(secret, System.currentTimeMillis() / 1000 / 30);
		page.locator("#code").fill(code);
		page.locator("#mfa-confirm").click();
		assertThat(page.locator(".recovery-code")).hasCount(10);
		page.locator("#mfa-continue").click();
		assertThat(page.locator("h1")).containsText("Welcome, Dr. Sam Okafor");
		page.navigate("/clinician/alerts");
		assertThat(page.locator("h1")).hasText("Safety alerts");
	}

	static void assertNoSeriousViolations(Page page, String where) {
		AxeResults results = new AxeBuilder(page)
			.withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"))
			.analyze();
		List<String> serious = results.getViolations()
			.stream()
			.filter(r -> "serious".equals(r.getImpact()) || "critical".equals(r.getImpact()))
			.map(r -> r.getId() + ": " + r.getHelp() + " " + r.getNodes().stream().map(n -> n.getHtml()).toList())
			.toList();
		assertThat(results.getPasses()).as("axe ran its rules on " + where).isNotEmpty();
		assertThat(serious).as("axe serious/critical violations on " + where).isEmpty();
	}

}
