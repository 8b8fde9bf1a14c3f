package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.FilePayload;
import com.microsoft.playwright.options.SelectOption;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.needs.AcademicYear;
import org.cpr.needs.NeedsTestSupport;
import org.cpr.needs.StressorDomain;
import org.cpr.needs.NeedsWaveSender;
import org.cpr.support.BrowserSupport;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SurveyResponses;
import org.cpr.survey.Wave;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Needs analysis on a phone (390 × 844): a trainee reads next rotation's guide in Spanish
 * a week ahead; a facilitator adds a rotation and imports the block schedule; after the
 * block ends the stressor wave reaches a trainee, who answers without naming the
 * rotation; once the wave closes the heat map shows the rotation, and its heaviest
 * stressor becomes a CQI register item in one click, which the annual evaluation report
 * then lists.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
class NeedsBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	IdentityManagement identity;

	@Autowired
	NeedsWaveSender sender;

	@Autowired
	SurveyResponses responses;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	Page phone(String locale) {
		return BrowserSupport.browser()
			.newContext(new Browser.NewContextOptions().setViewportSize(390, 844)
				.setBaseURL("http://localhost:" + port)
				.setLocale(locale))
			.newPage();
	}

	@Test
	void scheduleToWaveToHeatMapToCqiItem() {
		Page resident = phone("es-ES");
		FoundationBrowserIT.signIn(resident, "resident");
		resident.navigate("/needs/my-guide?lang=es");
		assertThat(resident.locator("h1")).hasText("Su próxima rotación");
		assertThat(resident.locator("#next-rotation")).containsText("Medical ICU");
		assertThat(resident.locator("#guide-tips li").first()).isVisible();
		FoundationBrowserIT.assertNoSeriousViolations(resident, "/needs/my-guide");
		// the switch is stored as the resident's language and applied at every sign-in:
		// give the
		// shared demo resident back to the other browser tests in English
		resident.navigate("/needs/my-guide?lang=en");
		assertThat(resident.locator("html")).hasAttribute("lang", "en");

		String rotation = "Cardiac Step-Down " + UUID.randomUUID().toString().substring(0, 4);
		Page facilitator = phone("en-US");
		FoundationBrowserIT.signIn(facilitator, "facilitator");
		facilitator.navigate("/needs/rotations");
		facilitator.locator("#name").fill(rotation);
		facilitator.locator("#hospitalCode").selectOption(new SelectOption().setLabel("University Hospital"));
		facilitator.locator("#specialty").fill("Cardiology");
		facilitator.locator("#setting").selectOption("INPATIENT");
		facilitator.locator("#add-rotation").click();
		assertThat(facilitator.locator("#rotations")).containsText(rotation);

		List<PersonSummary> students = NeedsTestSupport.students(identity).subList(0, 6);
		LocalDate today = LocalDate.now(clock);
		StringBuilder csv = new StringBuilder("person,rotation,service,site,start,end\n");
		students.forEach(s -> csv.append(s.username())
			.append(',')
			.append(rotation)
			.append(",Step-down A,UH,")
			.append(today.minusDays(26))
			.append(',')
			.append(today.plusDays(1))
			.append('\n'));
		facilitator.navigate("/needs/schedule");
		facilitator.locator("#file")
			.setInputFiles(new FilePayload("blocks.csv", "text/csv", csv.toString().getBytes(StandardCharsets.UTF_8)));
		facilitator.locator("#preview").click();
		assertThat(facilitator.locator("#schedule-rows tbody tr")).hasCount(6);
		facilitator.locator("#apply").click();
		assertThat(facilitator.locator("#schedule-rows h2")).containsText("Imported: 6 rows");

		clock.advance(Duration.ofDays(3));
		sender.sendDue();
		Wave wave = responses.openWavesFor(students.get(0).id())
			.stream()
			.filter(w -> sender.sentCampaigns().contains(w.campaignId()))
			.findFirst()
			.orElseThrow();

		Page student = phone("en-US");
		FoundationBrowserIT.signIn(student, students.get(0).username());
		student.navigate("/surveys");
		student.locator("a[href*='" + wave.id() + "']").first().click();
		assertThat(student.locator("#sender-attributes")).containsText("come from the schedule");
		assertThat(student.locator("#ctx_rotation")).hasCount(0);
		for (StressorDomain d : StressorDomain.values()) {
			for (String item : d.items()) {
				String value = d == StressorDomain.WELLBEING || d == StressorDomain.BURNOUT ? "3" : "5";
				student.locator("input[name='a_" + item + "'][value='" + value + "']").check();
			}
		}
		student.locator("#submit-survey").click();
		assertThat(student.locator("h1")).not().hasText(Pattern.compile(".*After your rotation.*"));
		for (PersonSummary s : students.subList(1, 6)) {
			responses.submit(wave.id(), s.id(), "k-" + UUID.randomUUID(), NeedsTestSupport.answer(5, null),
					new SubmissionContext(null, null, null));
		}

		clock.advance(Duration.ofDays(15));
		NeedsTestSupport.runSurveyScheduler(context);
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc
				.sql("SELECT COUNT(*) FROM needs_response r JOIN needs_rotation n"
						+ " ON n.id = r.rotation_id WHERE n.name = ?")
				.param(rotation)
				.query(Integer.class)
				.single() == 6);

		FoundationBrowserIT.signIn(facilitator, "facilitator"); // 18 days later the
																// session has long ended
		facilitator.navigate("/needs/heatmap?year=" + AcademicYear.of(today.plusDays(1)));
		assertThat(facilitator.locator("#heatmap")).containsText(rotation);
		assertThat(facilitator.locator("#heatmap")).containsText("n=6");
		assertThat(facilitator.locator("#heatmap .disclosure-suppressed").first()).isVisible();
		FoundationBrowserIT.assertNoSeriousViolations(facilitator, "/needs/heatmap");
		facilitator.locator("#heatmap a", new Page.LocatorOptions().setHasText(rotation)).click();
		assertThat(facilitator.locator("h1")).containsText("Top stressors: " + rotation);
		facilitator.locator("#cqi-WORKLOAD").click();
		assertThat(facilitator).hasURL(Pattern.compile(".*/cqi/items/[0-9a-f-]+$"));
		assertThat(facilitator.locator("body")).containsText("Needs analysis: workload on " + rotation);

		// The committee's annual report lists the item among the register's year. The
		// list
		// is shown only with the year's counts, which the gate releases from five items:
		// the
		// register's other items of a plausible year are added first.
		for (int i = 0; i < 5; i++) {
			jdbc.sql("""
					INSERT INTO cqi_item (id, title, problem_statement, category, status, published, created_by,
					  created_at, updated_at) VALUES (?, ?, 'fixture', 'STAFFING', 'IDENTIFIED', FALSE,
					  (SELECT id FROM person WHERE username = 'facilitator'), ?, ?)""")
				.params(UUID.randomUUID(), "Other item of the year " + i, java.sql.Timestamp.from(clock.instant()),
						java.sql.Timestamp.from(clock.instant()))
				.update();
		}
		facilitator.navigate("/evaluation/annual");
		assertThat(facilitator.locator("#annual-cqi-items")).containsText("Needs analysis: workload on " + rotation);
		FoundationBrowserIT.assertNoSeriousViolations(facilitator, "/evaluation/annual");
	}

}
