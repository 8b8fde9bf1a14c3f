package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.cpr.support.BrowserSupport;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Individual assistance on phones: the resident books from the snapshot's next steps in
 * three taps and shares a PHQ-9; the clinician sees the intake, writes a note and refers
 * to an outside service; the resident sees the appointment and the referral; a second
 * clinician breaks the glass (password, TOTP and a reason) and the resident sees that on
 * their own page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
class AssistanceBrowserIT {

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	org.cpr.assistance.Availability availability;

	@Autowired
	org.cpr.identity.IdentityManagement identity;

	@BeforeEach
	void freshEnrolments() {
		for (String username : new String[] { "clinician", "clinician2" }) {
			jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = (SELECT id FROM person WHERE username = ?)")
				.param(username)
				.update();
			jdbc.sql("UPDATE person SET mfa_secret = NULL, mfa_enabled = FALSE WHERE username = ?")
				.param(username)
				.update();
		}
		// open video times of the demo clinician from the test clock's today, whatever
		// other tests did to the clock
		java.time.LocalDate day = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneOffset.UTC).plusDays(2);
		try {
			availability.publish(identity.byUsername("clinician").orElseThrow().id(),
					new org.cpr.assistance.Availability.Plan(day, null, java.util.Set.of(),
							java.time.LocalTime.of(7, 0), 30, 2, java.time.ZoneId.of("America/Denver"),
							org.cpr.assistance.Modality.VIDEO));
		}
		catch (org.cpr.assistance.AssistanceRefused overlapsTheDemoTimes) {
			// the demo seeder's times are still open
		}
	}

	@Test
	void fromTheSnapshotToACareRecordAndBreakingTheGlass() {
		Page resident = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(resident, "resident");
		resident.navigate("/snapshot");
		resident.locator("#snapshot-start").click();
		for (int option : new int[] { 2, 2, 1, 0, 0 }) {
			SnapshotBrowserIT.answerAll(resident, option);
			SnapshotBrowserIT.next(resident);
		}
		SnapshotBrowserIT.skipTheOptionalSteps(resident);
		assertThat(resident.locator("h1")).containsText("Your results");

		resident.locator("#talk-to-someone").click();
		FoundationBrowserIT.assertNoSeriousViolations(resident, "booking: open times");
		resident.locator("a.slot-link").filter(new Locator.FilterOptions().setHasText("Video")).first().click();
		resident.locator("#book").click();
		assertThat(resident.locator("#booked")).isVisible();
		FoundationBrowserIT.assertNoSeriousViolations(resident, "my appointments and care");
		resident.locator("a[href='/assistance/intake/phq-9']").click();
		SnapshotBrowserIT.answerAll(resident, 1);
		resident.locator("#share-intake").click();
		assertThat(resident.locator("#my-measures")).containsText("phq-9");

		Page clinician = BrowserSupport.phone("http://localhost:" + port);
		signInWithTotp(clinician, "clinician");
		clinician.navigate("/assistance/clinician");
		clinician.locator("#schedule a", new Page.LocatorOptions().setHasText("Alex Rivera")).first().click();
		assertThat(clinician.locator("#measures")).containsText("phq-9");
		String episode = clinician.url().replaceAll("[?#].*$", "");
		clinician.locator("#note").fill("First session booked; night-float fatigue.");
		clinician.locator("#save-note").click();
		assertThat(clinician.locator("article.note")).containsText("night-float fatigue");
		clinician.locator("#service")
			.selectOption(new com.microsoft.playwright.options.SelectOption().setLabel("Employee Assistance Program"));
		clinician.locator("#handoff").fill("Alex would like evening counseling; please call after 6 pm.");
		clinician.locator("#consent").check();
		clinician.locator("#refer").click();
		assertThat(clinician.locator("#referrals")).containsText("Referred");
		FoundationBrowserIT.assertNoSeriousViolations(clinician, "episode of care");

		resident.navigate("/assistance/mine");
		assertThat(resident.locator("#my-appointments")).containsText("Video");
		assertThat(resident.locator("#my-referrals")).containsText("Employee Assistance Program");
		assertThat(resident.locator("#my-referrals")).containsText("please call after 6 pm");
		assertThat(resident.locator("#no-glass")).isVisible();

		Page second = BrowserSupport.phone("http://localhost:" + port);
		String secret = signInWithTotp(second, "clinician2");
		second.navigate(episode);
		assertThat(second.locator("#glass-form")).isVisible();
		clock.advance(Duration.ofSeconds(60));
		second.locator("#glass-reason").fill("Covering tonight; the resident called the crisis line.");
		second.locator("#glass-password").fill(FoundationBrowserIT.PASSWORD);
		second.locator("#glass-code").fill(code(secret));
		second.locator("#break-glass").click();
		assertThat(second.locator("#glass-banner")).isVisible();
		assertThat(second.locator("article.note")).containsText("night-float fatigue");

		resident.navigate("/assistance/mine");
		assertThat(resident.locator("#my-glass")).containsText("Dr. Lee Varga, PhD opened your record in an emergency");
		resident.navigate("/account/access-log");
		assertThat(resident.locator("table")).containsText("ASSIST_BREAK_THE_GLASS");
	}

	private String code(String secret) {
		try {
			return new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Signs in and enrols the second factor (a clinician's first sign-in); returns the
	 * TOTP secret.
	 */
	private String signInWithTotp(Page page, String username) {
		FoundationBrowserIT.signIn(page, username);
		String secret = null;
		if (page.url().contains("/mfa/enrol")) {
			secret = page.locator("#totp-secret").innerText().strip();
			page.locator("#code").fill(code(secret));
			page.locator("#mfa-confirm").click();
			page.locator("#mfa-continue").click();
		}
		assertThat(page.locator("h1")).containsText("Welcome");
		return secret;
	}

}
