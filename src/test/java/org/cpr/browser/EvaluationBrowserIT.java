package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;

import com.microsoft.playwright.Page;
import org.cpr.evaluation.EvaluationConsent;
import org.cpr.evaluation.EvaluationFixtures;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.support.BrowserSupport;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The program committee's path at phone width: reach of a workshop, its relative impact
 * on WHO-5 with the forest plot, then the annual report with the committee's commentary,
 * checked with axe.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(MutableClockConfiguration.class)
@ExtendWith(BrowserSupport.class)
class EvaluationBrowserIT {

	static final int YEAR = 2033;

	@LocalServerPort
	int port;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	EvaluationConsent consent;

	@Test
	void reachThenRelativeImpactThenTheAnnualReport() {
		EvaluationFixtures fixtures = new EvaluationFixtures(jdbc, identity);
		List<PersonSummary> attendees = fixtures.programPeople("PRG-IM")
			.stream()
			.filter(p -> p.traineeType() == TraineeType.RESIDENT)
			.toList();
		List<PersonSummary> others = Stream
			.concat(fixtures.programPeople("PRG-MD").stream(), fixtures.programPeople("PRG-GS").stream())
			.toList();
		fixtures.attended("WORKSHOP", LocalDate.of(YEAR, 10, 6), attendees.stream().map(PersonSummary::id).toList());
		for (int i = 0; i < attendees.size(); i++) {
			consent.decide(attendees.get(i).id(), true);
			fixtures.who5(attendees.get(i).id(), LocalDate.of(YEAR, 9, 1), 40 + i % 4 * 4);
			fixtures.who5(attendees.get(i).id(), LocalDate.of(YEAR + 1, 3, 1), 52 + i % 3 * 4);
		}
		for (int i = 0; i < others.size(); i++) {
			consent.decide(others.get(i).id(), true);
			fixtures.who5(others.get(i).id(), LocalDate.of(YEAR, 9, 2), 44 + i % 4 * 4);
			fixtures.who5(others.get(i).id(), LocalDate.of(YEAR + 1, 3, 2), 44 + i % 5 * 3);
		}

		Page page = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(page, "admin");
		page.navigate("/evaluation/reach?year=" + YEAR);
		assertThat(page.locator("#reach-ALL")).containsText("Talks, workshops and courses");
		assertThat(page.locator("#reach-ALL")).containsText(String.valueOf(attendees.size()));
		assertThat(page.locator("#reach-PROGRAM")).containsText("Internal Medicine Residency");
		FoundationBrowserIT.assertNoSeriousViolations(page, "/evaluation/reach");

		page.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
				new Page.GetByRoleOptions().setName("Relative impact").setExact(true))
			.click();
		assertThat(page.locator("#impact-table-who-5")).containsText("Difference-in-differences");
		assertThat(page.locator("figure.forest svg").first()).isVisible();
		assertThat(page.locator("figure.forest svg title").first())
			.hasText("Effect of each intervention on WHO-5 Well-Being Index");
		FoundationBrowserIT.assertNoSeriousViolations(page, "/evaluation/impact");

		page.locator("details.menu > summary").click(); // on a phone the menu opens first
		page.locator("nav.main-nav")
			.getByRole(com.microsoft.playwright.options.AriaRole.LINK,
					new com.microsoft.playwright.Locator.GetByRoleOptions().setName("Annual report").setExact(true))
			.click();
		assertThat(page.locator("h1")).containsText("Annual evaluation report");
		assertThat(page.locator("#annual-impact")).containsText("WHO-5 Well-Being Index");
		page.locator("#commentary-body").fill("The workshop went with better well-being; offer it to every PGY1.");
		page.getByText("Save commentary").click();
		assertThat(page.locator("#commentary")).isVisible();
		assertThat(page.locator("section")).containsText("offer it to every PGY1");
		FoundationBrowserIT.assertNoSeriousViolations(page, "/evaluation/annual");
	}

}
