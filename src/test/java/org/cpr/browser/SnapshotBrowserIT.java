package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import org.cpr.support.BrowserSupport;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * The Resilience Snapshot on a phone: a positive PHQ-2 brings the PHQ-9, an item-9 answer
 * shows the crisis panel with the network cut (I-21), two takes on two dates draw a
 * trend, and a contact request is confirmed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
class SnapshotBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	static void answerAll(Page page, int option) {
		Locator items = page.locator("fieldset.q-item");
		for (int i = 0; i < items.count(); i++) {
			items.nth(i).locator("input[type=radio]").nth(option).check();
		}
	}

	/**
	 * Skips the two optional last steps (PC-PTSD-5, then the moral distress thermometer).
	 */
	static void skipTheOptionalSteps(Page page) {
		page.locator("button[value=skip]").click();
		assertThat(page.locator("h1")).containsText("Moral Distress Thermometer");
		page.locator("button[value=skip]").click();
	}

	static void next(Page page) {
		if (page.locator("#snapshot-next").count() == 0) {
			throw new AssertionError("no Next button on " + page.url() + ": " + page.locator("main").innerText());
		}
		page.locator("#snapshot-next").click();
	}

	@Test
	void takeTwiceSeeTheTrendAndAskForContact() {
		Page page = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(page, "resident");
		page.navigate("/snapshot");
		page.locator("#snapshot-start").click();
		assertThat(page.locator("#snapshot-progress")).containsText("Step 1 of 7");
		answerAll(page, 2);
		next(page);
		answerAll(page, 2);
		next(page);
		answerAll(page, 1);
		next(page);
		answerAll(page, 0);
		next(page);
		answerAll(page, 0);
		next(page);
		SnapshotBrowserIT.skipTheOptionalSteps(page);
		assertThat(page.locator("h1")).containsText("Your results");

		clock.advance(Duration.ofDays(30));
		FoundationBrowserIT.signIn(page, "resident");
		page.navigate("/snapshot/take");
		for (int step = 0; step < 3; step++) {
			answerAll(page, 1);
			next(page);
		}
		answerAll(page, 2);
		next(page);
		assertThat(page.locator("#follow-up-note")).isVisible();
		assertThat(page.locator("h1")).containsText("PHQ-9");
		answerAll(page, 0);
		assertThat(page.locator("#crisis-panel")).isHidden();
		page.context().setOffline(true);
		page.locator("#a_9_1").check();
		assertThat(page.locator("#crisis-panel")).isVisible();
		assertThat(page.locator("#crisis-panel")).containsText("988");
		page.context().setOffline(false);
		next(page);
		answerAll(page, 0);
		next(page);
		SnapshotBrowserIT.skipTheOptionalSteps(page);

		assertThat(page.locator("#crisis-panel")).isVisible();
		assertThat(page.locator("#trend-table")).containsText("2026-03-02");
		assertThat(page.locator("#trend-table")).containsText("2026-04-01");
		assertThat(page.locator("figure.trend svg.chart").first()).isVisible();
		assertThat(page.locator("figure.trend svg.chart").first()).containsText("2026-04-01");
		// the most safety-critical form: a labelled radio group of large, whole-width
		// targets,
		// each radio on the line of its own text (not an empty circle on a line of its
		// own)
		assertThat(page.locator("#choice-form fieldset.choices legend")).isVisible();
		for (String radio : java.util.List.of("#choice-private", "#choice-contact")) {
			com.microsoft.playwright.options.BoundingBox target = page.locator("label:has(> " + radio + ")")
				.boundingBox();
			com.microsoft.playwright.options.BoundingBox circle = page.locator(radio).boundingBox();
			com.microsoft.playwright.options.BoundingBox text = page.locator("label:has(> " + radio + ") > span")
				.boundingBox();
			org.assertj.core.api.Assertions.assertThat(target.height)
				.as(radio + " target height")
				.isGreaterThanOrEqualTo(44);
			org.assertj.core.api.Assertions.assertThat(target.width)
				.as(radio + " target width on a 360 px phone")
				.isGreaterThanOrEqualTo(280);
			org.assertj.core.api.Assertions.assertThat(circle.width).as(radio + " circle").isGreaterThanOrEqualTo(20);
			org.assertj.core.api.Assertions.assertThat(circle.y + circle.height / 2)
				.as(radio + " sits on its text's line")
				.isBetween(text.y, text.y + text.height);
		}
		page.locator("label:has(> #choice-contact)").click();
		org.assertj.core.api.Assertions.assertThat(page.locator("#choice-contact").isChecked())
			.as("the whole label is the target")
			.isTrue();
		page.locator("#choice-contact").check();
		page.locator("#channel").selectOption("PHONE");
		page.locator("#time").selectOption("MORNING");
		page.locator("#choice-submit").click();
		assertThat(page.locator("#contact-confirmation")).containsText("A resilience clinician will contact you");
		FoundationBrowserIT.assertNoSeriousViolations(page, "snapshot results after a contact request");
	}

}
