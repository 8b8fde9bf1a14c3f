package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.cpr.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The directory and the public website as a visitor meets them on a phone. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
class DirectoryBrowserIT {

	@LocalServerPort
	int port;

	String base() {
		return "http://localhost:" + port;
	}

	@Test
	void aPgy1FindsConfidentialAfterHoursHelpInThreeInteractions() {
		Page page = BrowserSupport.phone(base());
		page.navigate("/directory");
		page.getByLabel("I am a…").selectOption(new SelectOption().setLabel("Resident"));
		page.getByLabel("Privacy").selectOption(new SelectOption().setLabel("Confidential"));
		page.getByText("After hours", new Page.GetByTextOptions().setExact(true)).first().click();
		assertThat(page.locator("#results")).containsText("Resident and Fellow Counseling Service");
		assertThat(page.locator("#results")).not().containsText("Student Mental Health Service");
		assertThat(page).hasURL(java.util.regex.Pattern.compile(".*afterHours=true.*"));
		page.getByText("Resident and Fellow Counseling Service").click();
		assertThat(page.locator("h1")).hasText("Resident and Fellow Counseling Service");
		assertThat(page.locator(".confidentiality")).containsText("does not tell your program director");
	}

	@Test
	void searchWorksWithoutJavaScript() {
		Browser.NewContextOptions options = new Browser.NewContextOptions().setJavaScriptEnabled(false)
			.setViewportSize(360, 740)
			.setBaseURL(base());
		Page page = BrowserSupport.browser().newContext(options).newPage();
		page.navigate("/directory");
		page.getByLabel("Search").fill("cousneling");
		page.locator("#search-directory").click();
		assertThat(page.locator("#results")).containsText("Resident and Fellow Counseling Service");
		page.navigate("/");
		assertThat(page.locator("h1")).hasText("Clinician Program for Resilience");
		// what the landing page lists of upcoming public talks (and that it shows nothing
		// while there are none):
		// CoursesWebTests.theLandingPageListsPublicTalksAndNoSectionWhileThereAreNone
	}

	@Test
	void publicPagesAreAccessible() {
		Page page = BrowserSupport.phone(base());
		for (String path : List.of("/", "/privacy", "/directory", "/directory?q=sleep")) {
			page.navigate(path);
			FoundationBrowserIT.assertNoSeriousViolations(page, path);
		}
		page.navigate("/directory");
		page.locator(".service-card h3 a").first().click();
		FoundationBrowserIT.assertNoSeriousViolations(page, "a service page");
	}

}
