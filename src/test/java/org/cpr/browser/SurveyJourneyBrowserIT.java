package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.util.List;
import java.util.Set;
import com.microsoft.playwright.Page;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
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
 * Issue #3 "done when": a facilitator builds a questionnaire, launches an anonymous
 * campaign to a hospital's residents, residents answer on a phone (an unfinished answer
 * survives a reload in the browser tab only), and the facilitator sees a report where
 * small groups are suppressed.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
class SurveyJourneyBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	Page page() {
		return BrowserSupport.phone("http://localhost:" + port);
	}

	@Test
	void facilitatorBuildsLaunchesResidentsAnswerOnAPhoneAndTheReportSuppressesSmallGroups() {
		Page facilitator = page();
		FoundationBrowserIT.signIn(facilitator, "facilitator");
		String questionnaire = SurveyJourneySteps.buildQuestionnaire(facilitator);

		facilitator.navigate("/surveys/campaigns/new");
		facilitator.getByLabel("Title").fill("Nights at University Hospital");
		facilitator.getByLabel("What it is for (shown to respondents)")
			.fill("Two questions about your last night shift.");
		facilitator.locator("#questionnaire").selectOption(questionnaire);
		facilitator.locator("input[name=privacyMode][value=ANONYMOUS]").check();
		facilitator.locator("#hospital").selectOption("UH");
		facilitator.getByText("School of Medicine", new Page.GetByTextOptions().setExact(true)).click();
		facilitator.locator("summary", new Page.LocatorOptions().setHasText("Trainee types")).click();
		facilitator.getByText("Residents", new Page.GetByTextOptions().setExact(true)).click();
		facilitator.locator("#save-campaign").click();
		assertThat(facilitator.locator("#campaign-status")).hasText("Draft");
		assertThat(facilitator.locator("#audience-size")).containsText("School of Medicine");
		facilitator.locator("#launch-campaign").click();
		assertThat(facilitator.locator("#campaign-status")).hasText("Launched");
		assertThat(facilitator.locator("#waves")).isVisible();

		List<PersonSummary> residents = somResidents();
		// The first resident starts, reloads (the draft comes back from this tab only),
		// then sends.
		Page first = page();
		FoundationBrowserIT.signIn(first, residents.get(0).username());
		first.navigate("/surveys");
		first.getByText("Nights at University Hospital").click();
		assertThat(first.locator("#privacy-promise")).containsText("stored without your name");
		assertThat(first.locator("#thresholds")).containsText("at least 5 people");
		first.locator("input[name=a_1]").nth(2).check();
		first.reload();
		assertThat(first.locator("input[name=a_1]").nth(2)).isChecked();
		first.locator("#ctx_pgy").selectOption("PGY1");
		first.locator("input[name=a_2]").nth(1).check();
		first.locator("#submit-survey").click();
		assertThat(first.locator("#survey-confirmation")).isVisible();
		assertThat(first.locator("#receipt")).isVisible();
		// The confirmation page removes the draft when its scripts run
		// (DOMContentLoaded), which may be just after the
		// receipt is visible: wait for it (this fails after the timeout if the draft
		// stays).
		first.waitForFunction(
				"() => Object.keys(sessionStorage).filter(k => k.startsWith('cpr-survey-draft')).length === 0");

		for (int i = 1; i < 6; i++) {
			Page resident = page();
			FoundationBrowserIT.signIn(resident, residents.get(i).username());
			resident.navigate("/surveys");
			resident.getByText("Nights at University Hospital").click();
			resident.locator("#ctx_pgy").selectOption(i == 1 ? "PGY1" : "PGY2-3");
			resident.locator("input[name=a_1]").nth(i % 4).check();
			resident.locator("input[name=a_2]").nth((i + 1) % 4).check();
			resident.locator("[name=a_3]").fill("<script>alert(1)</script> More seniors on nights " + i);
			resident.locator("#submit-survey").click();
			assertThat(resident.locator("#survey-confirmation")).isVisible();
			resident.context().close();
		}

		// Six anonymous answers wait sealed in the mixing pool until a batch of five can
		// leave five
		// behind, or the wave closes; the facilitator looks after the close (and signs in
		// again, as
		// two weeks later anyone would).
		clock.advance(java.time.Duration.ofDays(15));
		facilitator.context().close();
		facilitator = page();
		FoundationBrowserIT.signIn(facilitator, "facilitator");
		facilitator.navigate("/surveys/campaigns");
		facilitator.getByText("Nights at University Hospital").click();
		facilitator.locator("a.report-link").first().click();
		assertThat(facilitator.locator("[data-cell=all]")).containsText("n = 6");
		assertThat(facilitator.locator("[data-cell='pgy:PGY1']")).containsText("fewer than 5 responses");
		assertThat(facilitator.locator("[data-cell='pgy:PGY1']")).not().containsText("n = 2");
		assertThat(facilitator.locator(".report-comments")).containsText("groups of 10 or more");
		assertThat(facilitator.locator(".report-comments")).not().containsText("More seniors");
		assertThat(facilitator.locator(".report-item").first()).containsText("How safe did the workload feel?");
		FoundationBrowserIT.assertNoSeriousViolations(facilitator, "survey report");
	}

	List<PersonSummary> somResidents() {
		OrgUnitId som = identity.orgUnits().stream().filter(u -> u.code().equals("SOM")).findFirst().orElseThrow().id();
		return identity.audience(List.of(som), Set.of(TraineeType.RESIDENT), Set.of())
			.stream()
			.filter(p -> !p.username().equals("resident"))
			.toList();
	}

}
