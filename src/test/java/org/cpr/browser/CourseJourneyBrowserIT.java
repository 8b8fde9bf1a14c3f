package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.time.Instant;
import java.util.Base64;
import java.util.regex.Pattern;

import javax.imageio.ImageIO;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.MultiFormatReader;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.microsoft.playwright.APIResponse;
import com.microsoft.playwright.Page;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import org.cpr.courses.SessionEvaluations;
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
 * Issue #13's journey on phone-sized pages: a coordinator creates a four-week course, a
 * resident registers and takes the .ics, the facilitator shows the rotating QR code, the
 * resident scans it (decoded from the image on screen) and checks in, the session
 * evaluation arrives and is answered, and the program director's coverage view shows the
 * session delivered.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
class CourseJourneyBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SessionEvaluations evaluations;

	Page page() {
		return BrowserSupport.phone("http://localhost:" + port);
	}

	@Test
	void coordinatorCreatesACourseResidentRegistersChecksInWithTheQrAndEvaluatesAndTheDirectorSeesItDelivered()
			throws Exception {
		Instant before = clock.instant();
		String title = "Stress first aid " + Long.toString(System.nanoTime(), 36);
		try {
			clock.set(Instant.parse("2026-04-01T15:00:00Z"));
			Page coordinator = page();
			FoundationBrowserIT.signIn(coordinator, "facilitator");
			coordinator.navigate("/courses/manage/new");
			coordinator.locator("#title").fill(title);
			coordinator.locator("#kind").selectOption("MULTI_WEEK_COURSE");
			coordinator.locator("#description").fill("Four weekly evenings on stress and recovery.");
			coordinator.locator("input[name=visibility][value=REPORTED_TO_PROGRAM]").check();
			coordinator.locator("#facilitators").fill("facilitator");
			coordinator.locator("#timeZone").fill("America/Denver");
			coordinator.locator("[id='sessions[0].date']").fill("2026-04-07");
			coordinator.locator("[id='sessions[0].start']").fill("17:00");
			coordinator.locator("[id='sessions[0].end']").fill("18:30");
			coordinator.locator("[id='sessions[0].place']").fill("Education Center, Room 2");
			coordinator.locator("[id='sessions[0].capacity']").fill("12");
			coordinator.locator("[id='sessions[0].weeks']").fill("4");
			coordinator.locator("#save-offering").click();
			assertThat(coordinator.locator("h1")).hasText(title);
			assertThat(coordinator.locator("ol.stack > li")).hasCount(4);
			String manageUrl = coordinator.url();
			String offeringId = manageUrl.replaceAll(".*/courses/manage/([0-9a-f-]{36}).*", "$1");
			coordinator.locator("#evaluation-link").click();
			assertThat(coordinator.locator("#questionnaire")).hasValue("session-evaluation");
			FoundationBrowserIT.assertNoSeriousViolations(coordinator, "offering evaluation");

			Page resident = page();
			FoundationBrowserIT.signIn(resident, "resident");
			resident.navigate("/courses");
			resident.getByText(title).first().click();
			resident.locator("#register").click();
			assertThat(resident.getByText("You have a seat.")).isVisible();
			APIResponse ics = resident.request().get("/courses/offerings/" + offeringId + ".ics");
			org.assertj.core.api.Assertions.assertThat(ics.headers().get("content-type")).startsWith("text/calendar");
			Calendar calendar = new CalendarBuilder().build(new StringReader(ics.text()));
			org.assertj.core.api.Assertions.assertThat(calendar.getComponents(Component.VEVENT)).hasSize(4);
			org.assertj.core.api.Assertions.assertThat(calendar.getComponents(Component.VTIMEZONE)).hasSize(1);
			org.assertj.core.api.Assertions.assertThat(ics.text()).contains("TZID=America/Denver", title);

			clock.set(Instant.parse("2026-04-07T23:05:00Z")); // 17:05 in Denver, session
																// 1: a week later,
																// everyone signs in again
			coordinator.context().close();
			resident.context().close();
			coordinator = page();
			FoundationBrowserIT.signIn(coordinator, "facilitator");
			resident = page();
			FoundationBrowserIT.signIn(resident, "resident");
			coordinator.navigate(manageUrl);
			coordinator.locator("ol.stack > li").first().getByText("Show the check-in code").click();
			String src = coordinator.locator("#qr-image").getAttribute("src");
			String scanned = decode(src);
			org.assertj.core.api.Assertions.assertThat(scanned).contains("/courses/check-in/");
			resident.navigate(scanned);
			resident.locator("#confirm-check-in").click();
			assertThat(resident.locator("#checked-in")).isVisible();

			clock.set(Instant.parse("2026-04-08T01:05:00Z")); // check-in closed 30
																// minutes after the end
			evaluations.sendDue(); // what the scheduled job does every 15 minutes
			resident.navigate("/surveys");
			resident.getByText(title + " · 2026-04-07").click();
			for (int item = 1; item <= 4; item++) {
				resident.locator("input[name=a_" + item + "]").nth(3).check();
			}
			resident.locator("[name=a_5]").fill("More time for practice.");
			resident.locator("#submit-survey").click();
			assertThat(resident.locator("#survey-confirmation")).isVisible();

			Page director = page();
			FoundationBrowserIT.signIn(director, "director");
			director.navigate("/courses/coverage?year=2025");
			assertThat(director.locator("article.card", new Page.LocatorOptions().setHasText(title)))
				.containsText("1 attended");
			assertThat(director.locator("body")).not().containsText("Alex Rivera");
			FoundationBrowserIT.assertNoSeriousViolations(director, "coverage");
			director.locator("article.card", new Page.LocatorOptions().setHasText(title))
				.getByText("How it was rated")
				.click();
			assertThat(director.locator("#evaluations")).containsText("1 asked");
			assertThat(director).hasURL(Pattern.compile(".*/courses/offerings/" + offeringId + "/evaluation"));
		}
		finally {
			clock.set(before);
		}
	}

	/**
	 * Reads the QR code the way a phone camera would: from the image, not from the page's
	 * markup.
	 */
	static String decode(String dataUrl) throws Exception {
		byte[] png = Base64.getDecoder().decode(dataUrl.substring(dataUrl.indexOf(',') + 1));
		BufferedImage image = ImageIO.read(new ByteArrayInputStream(png));
		return new MultiFormatReader()
			.decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(image))))
			.getText();
	}

}
