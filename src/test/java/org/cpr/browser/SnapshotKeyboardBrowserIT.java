package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import com.microsoft.playwright.Page;
import org.cpr.support.BrowserSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 19: the whole snapshot with the keyboard only (system Chromium). Every question
 * is reached with Tab and answered with Space and the arrow keys, every page is left with
 * Space on its Next button; focus is always visible, and the crisis panel that an item-9
 * answer shows leaves the focus on the answer being chosen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
class SnapshotKeyboardBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	static String active(Page page) {
		return (String) page.evaluate("() => { const e = document.activeElement;"
				+ " return e ? (e.id || '') + '|' + (e.name || '') + '|' + (e.value || '') : ''; }");
	}

	/**
	 * Presses Tab until the focused element matches {@code selector}, at most 80 times.
	 */
	static void tabTo(Page page, String selector) {
		for (int i = 0; i < 80; i++) {
			if ((Boolean) page.evaluate("s => !!document.activeElement && document.activeElement.matches(s)",
					selector)) {
				assertFocusVisible(page);
				return;
			}
			page.keyboard().press("Tab");
		}
		throw new AssertionError("Tab never reached " + selector + " on " + page.url() + " (at " + active(page) + ")");
	}

	/** The focused element draws a focus indicator (an outline or a ring). */
	static void assertFocusVisible(Page page) {
		String style = (String) page.evaluate("() => { const s = getComputedStyle(document.activeElement);"
				+ " return s.outlineStyle + ' ' + s.outlineWidth + ' ' + s.boxShadow; }");
		assertThat(style).as("focus indicator of " + active(page))
			.satisfiesAnyOf(s -> assertThat(s).doesNotStartWith("none").doesNotContain(" 0px "),
					s -> assertThat(s).doesNotEndWith("none"));
	}

	@SuppressWarnings("unchecked")
	static List<String> groups(Page page) {
		return (List<String>) page.evaluate("() => Array.from(document.querySelectorAll('fieldset.q-item'))"
				+ ".filter(f => f.offsetParent !== null)"
				+ ".map(f => f.querySelector('input[type=radio]')).filter(r => r).map(r => r.name)");
	}

	/** Tabs into the radio group and answers with Space, then {@code down} ArrowDowns. */
	static void answer(Page page, String group, int down) {
		tabTo(page, "input[type=radio][name='" + group + "']");
		page.keyboard().press("Space");
		for (int i = 0; i < down; i++) {
			page.keyboard().press("ArrowDown");
		}
		assertThat(
				(Boolean) page.evaluate("g => !!document.querySelector(\"input[name='\" + g + \"']:checked\")", group))
			.as(group + " answered")
			.isTrue();
	}

	static void next(Page page) {
		tabTo(page, "#snapshot-next");
		String before = page.url();
		page.keyboard().press("Space");
		page.waitForURL(url -> !url.equals(before));
	}

	@Test
	void fromStartToResultsWithTabSpaceAndArrowsOnly() {
		jdbc.sql("DELETE FROM assessment_draft WHERE person_id = (SELECT id FROM person WHERE username = 'resident')")
			.update();
		Page page = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(page, "resident");
		page.navigate("/snapshot");
		tabTo(page, "#snapshot-start");
		// a link is followed with Enter (Space scrolls the page)
		page.keyboard().press("Enter");
		assertThat(page.locator("#snapshot-progress")).containsText("Step 1 of");

		// "Next" with nothing answered: the title says so and the focus lands on the
		// error summary, not at the top of the page
		tabTo(page, "#snapshot-next");
		page.keyboard().press("Space");
		assertThat(page).hasTitle(java.util.regex.Pattern.compile("^Error: Step 1 of \\d+: .+"));
		page.waitForFunction(
				"() => document.activeElement && document.activeElement.matches('main .alert.error[role=alert]')");

		boolean crisisChecked = false;
		for (int pages = 0; pages < 12; pages++) {
			if (page.locator("#snapshot-form").count() == 0) {
				break;
			}
			String title = page.locator("h1").innerText();
			// each step has its own title (the first still shows the empty "Next"'s
			// error) and nothing axe objects to
			assertThat(page).hasTitle(java.util.regex.Pattern.compile("^(Error: )?Step \\d+ of \\d+: "
					+ title.replaceAll("[\\\\^$.|?*+()\\[\\]{}]", "\\\\$0") + " — .+"));
			FoundationBrowserIT.assertNoSeriousViolations(page, "snapshot step " + title);
			for (String group : groups(page)) {
				if (title.contains("PHQ-2")) {
					// "more than half the days": positive, so the PHQ-9 follows
					answer(page, group, 2);
				}
				else if (title.contains("PHQ-9") && group.equals("a_9")) {
					answer(page, group, 0);
					assertThat(page.locator("#crisis-panel")).isHidden();
					page.keyboard().press("ArrowDown");
					assertThat(page.locator("#crisis-panel")).isVisible();
					assertThat(active(page)).as("the crisis panel does not take the focus").isEqualTo("a_9_1|a_9|1");
					assertFocusVisible(page);
					assertThat(page.locator("#crisis-announcer")).not().isEmpty();
					crisisChecked = true;
				}
				else if (title.contains("PC-PTSD-5") && group.equals("a_exposure")) {
					// "no": the five questions behind it are not asked
					answer(page, group, 1);
				}
				else {
					answer(page, group, 0);
				}
			}
			next(page);
		}
		assertThat(crisisChecked).as("the PHQ-9 was reached").isTrue();
		assertThat(page.locator("h1")).containsText("Your results");
		FoundationBrowserIT.assertNoSeriousViolations(page, "snapshot results reached by keyboard");
	}

}
