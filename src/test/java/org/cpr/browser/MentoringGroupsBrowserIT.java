package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.SelectOption;
import org.cpr.groups.GroupMembership;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
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
 * Mentoring groups end to end on a phone (360 × 740): the coordinator forms the nurses
 * into a group, plans its monthly meetings, the leader opens the dashboard and takes the
 * roll after the first meeting, and the program director sees that meeting's count and no
 * names.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
class MentoringGroupsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	IdentityManagement identity;

	@Autowired
	GroupMembership membership;

	Page phone() {
		return BrowserSupport.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(360, 740)
				.setBaseURL("http://localhost:" + port)
				.setLocale("en-US"))
			.newPage();
	}

	@Test
	void coordinatorFormsAGroupLeaderTakesTheRollProgramSeesOnlyTheCount() {
		List<org.cpr.shared.OrgUnitId> roots = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.map(OrgUnitSummary::id)
			.toList();
		PersonSummary leader = identity.audience(roots, Set.of(TraineeType.FACULTY), Set.of(Role.GROUP_LEADER))
			.stream()
			.filter(p -> membership.ledBy(p.id()).isEmpty())
			.findFirst()
			.orElseThrow();

		Page coordinator = phone();
		FoundationBrowserIT.signIn(coordinator, "facilitator");
		coordinator.navigate("/groups/cohorts");
		coordinator.locator("#name").fill("Nurse residents 2026");
		coordinator.locator("#traineeType").selectOption("NURSE");
		coordinator.locator("#create-cohort").click();
		assertThat(coordinator.locator("h1")).hasText("Nurse residents 2026");
		coordinator.locator("#leaders").fill(leader.username());
		coordinator.locator("#propose").click();
		assertThat(coordinator.locator("article.card").first()).containsText("Placed here to balance the group");
		FoundationBrowserIT.assertNoSeriousViolations(coordinator, "/groups/cohorts/{id} with a proposal");
		coordinator.locator("#save-groups").click();
		assertThat(coordinator.locator("p.alert.ok")).containsText("The groups are saved.");
		coordinator.locator("#groups a").first().click();
		assertThat(coordinator.locator("#members li")).not().hasCount(0);
		List<String> names = coordinator.locator("#members li > span:first-child").allTextContents();

		LocalDate tomorrow = LocalDate.ofInstant(clock.instant(), ZoneId.of("America/Denver")).plusDays(1);
		coordinator.locator("#firstDay").fill(tomorrow.toString());
		coordinator.locator("#start").fill("17:00");
		coordinator.locator("#count").fill("3");
		coordinator.locator("#everyWeeks").selectOption("0");
		coordinator.locator("#topic0").selectOption(new SelectOption().setIndex(1));
		coordinator.locator("#plan-meetings").click();
		assertThat(coordinator.locator("p.alert.ok")).containsText("The meetings are planned");
		assertThat(coordinator.locator("#meetings li")).hasCount(3);

		clock.advance(Duration.ofDays(2));

		Page lead = phone();
		FoundationBrowserIT.signIn(lead, leader.username());
		lead.navigate("/groups/lead");
		assertThat(lead.locator("h1")).hasText("Group 1");
		assertThat(lead.locator("#next-meeting")).isVisible();
		assertThat(lead.locator("#members li")).hasCount(names.size());
		FoundationBrowserIT.assertNoSeriousViolations(lead, "/groups/lead/{id}");
		lead.locator("#trend a").first().click();
		Locator boxes = lead.locator("input[name=present]");
		int present = Math.min(6, boxes.count());
		for (int i = 0; i < present; i++) {
			boxes.nth(i).check();
		}
		lead.locator("#save-attendance").click();
		assertThat(lead.locator("p.alert.ok")).hasText("Attendance saved.");
		lead.locator("a", new Page.LocatorOptions().setHasText("Back")).click();
		assertThat(lead.locator("#trend")).containsText(present + " of " + names.size() + " came");

		Page director = phone();
		FoundationBrowserIT.signIn(director, "director");
		director.navigate("/groups/report");
		Locator cohort = director.locator("h2", new Page.LocatorOptions().setHasText("Nurse residents 2026"));
		assertThat(cohort).isVisible();
		assertThat(director.locator("main")).containsText(present + " attended");
		assertThat(director.locator("ol.report-counts li").first())
			.containsText(Pattern.compile("attended|hidden|No attendance"));
		for (String name : names) {
			assertThat(director.locator("main")).not().containsText(name);
		}
		director.navigate("/groups/lead");
		assertThat(director.locator("body")).not().containsText(names.get(0));
		FoundationBrowserIT.assertNoSeriousViolations(director, "/groups/report");
	}

}
