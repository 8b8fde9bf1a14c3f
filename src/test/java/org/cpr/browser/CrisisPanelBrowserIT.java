package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import org.cpr.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * I-21 / T20: a critical answer shows the crisis panel at once, from what is already in
 * the page — with the network cut, before anything is sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
class CrisisPanelBrowserIT {

	@LocalServerPort
	int port;

	@Test
	void itemNineAboveZeroShowsTheCrisisPanelWithTheServerUnreachable() {
		Page page = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(page, "facilitator");
		page.navigate("/questionnaires/phq-9/preview");
		assertThat(page.locator("#crisis-panel")).isHidden();
		page.locator("#a_1_0").check();
		assertThat(page.locator("#crisis-panel")).isHidden();
		page.context().setOffline(true);
		page.locator("#a_9_1").check();
		assertThat(page.locator("#crisis-panel")).isVisible();
		assertThat(page.locator("#crisis-panel")).containsText("988");
		assertThat(page.locator("#crisis-panel")).containsText("Nobody is contacted");
		page.context().setOffline(false);
		FoundationBrowserIT.assertNoSeriousViolations(page, "questionnaire preview with the crisis panel");
	}

	@Test
	void theCrisisPanelAppearsAfterTheQuestionAndIsAnnouncedWithoutTakingFocus() {
		Page page = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(page, "facilitator");
		page.navigate("/questionnaires/phq-9/preview");
		page.locator("#a_9_0").check();
		page.locator("#a_9_0").focus();
		page.keyboard().press("ArrowDown"); // moves to, and selects, "several days": a
											// critical answer

		assertThat(page.locator("#crisis-panel")).isVisible();
		assertThat(page.locator("#a_9_1")).isFocused();
		assertThat(page.locator("#crisis-announcer")).hasAttribute("aria-live", "polite");
		assertThat(page.locator("#crisis-announcer"))
			.containsText("crisis resources are now shown below this question");
		Object follows = page
			.evaluate("() => { const q = document.getElementById('a_9_1').closest('fieldset, .q-item');"
					+ " return q.nextElementSibling && q.nextElementSibling.id; }");
		org.assertj.core.api.Assertions.assertThat(follows)
			.as("the panel sits right after question 9")
			.isEqualTo("crisis-panel");

		page.keyboard().press("Tab");
		Object inPanel = page
			.evaluate("() => document.getElementById('crisis-panel').contains(document.activeElement)");
		org.assertj.core.api.Assertions.assertThat(inPanel)
			.as("Tab from the answer goes into the crisis resources")
			.isEqualTo(true);
	}

}
