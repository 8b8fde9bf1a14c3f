package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
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
 * "You said, we did" end to end on a phone (390 × 844): a resident speaks up anonymously,
 * the weekly batch opens, a facilitator turns it into a register item, presents it and
 * records the decision, and the resident reads the outcome on the board.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
class CqiFlowBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	Page phone() {
		return BrowserSupport.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
				.setBaseURL("http://localhost:" + port)
				.setLocale("en-US"))
			.newPage();
	}

	@Test
	void anonymousFeedbackBecomesADecisionTheResidentSeesOnTheBoard() {
		Page resident = phone();
		resident.navigate("/speak-up");
		resident.getByLabel("A problem in how work or training is organised").check();
		resident.locator("#category").selectOption("SCHEDULING");
		resident.locator("#hospitalId")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("University Hospital"));
		resident.locator("#body")
			.fill("Night rota is published two days before it starts; nobody can arrange childcare.");
		resident.locator("#send-report").click();
		assertThat(resident.locator("h1")).hasText("Thank you. Your report was received.");

		clock.advance(Duration.ofDays(8));

		Page facilitator = phone();
		FoundationBrowserIT.signIn(facilitator, "facilitator");
		facilitator.navigate("/cqi/reports");
		facilitator.locator("a", new Page.LocatorOptions().setHasText("Open the report")).first().click();
		assertThat(facilitator.locator(".report-body")).containsText("Night rota is published two days before");
		facilitator.locator("#item-from-report").click();
		assertThat(facilitator.locator("#category")).hasValue("SCHEDULING");
		facilitator.locator("#title").fill("Rota published too late");
		facilitator.locator("#problemStatement")
			.fill("Night rotas appear days before they start, so trainees cannot plan care at home.");
		facilitator.locator("#hospitalId")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("University Hospital"));
		facilitator.locator("#save-item").click();
		assertThat(facilitator.locator("#item-status")).hasText("Identified");

		facilitator.locator("#description").fill("Publish every rota six weeks ahead.");
		facilitator.locator("#add-solution").click();
		assertThat(facilitator.locator("#item-status")).hasText("Solution proposed");
		facilitator.locator("#presentedOn").fill("2026-03-11");
		facilitator.locator("#audience").selectOption("GME_COMMITTEE");
		facilitator.locator("#decision").selectOption("ACCEPTED");
		facilitator.locator("#followUps").fill("Chief residents to publish the summer rota by April.");
		facilitator.locator("#record-presentation").click();
		assertThat(facilitator.locator("#item-status")).hasText("Accepted");
		assertThat(facilitator.locator("ul.presentations")).containsText("GME committee");
		facilitator.locator("#youSaid").fill("Night rotas came out too late to plan childcare.");
		facilitator.locator("#weDid").fill("Rotas are now published six weeks ahead.");
		facilitator.locator("#publish-item").click();
		assertThat(facilitator).hasURL(Pattern.compile(".*/cqi/items/[0-9a-f-]+$"));

		FoundationBrowserIT.signIn(resident, "resident");
		resident.navigate("/cqi/board");
		assertThat(resident.locator("ul.board")).containsText("Night rotas came out too late to plan childcare.");
		assertThat(resident.locator("ul.board")).containsText("Rotas are now published six weeks ahead.");
		assertThat(resident.locator("ul.board")).containsText("Accepted");
		FoundationBrowserIT.assertNoSeriousViolations(resident, "/cqi/board");
		FoundationBrowserIT.assertNoSeriousViolations(facilitator, "/cqi/items/{id}");
	}

}
