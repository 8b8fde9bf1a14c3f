package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.UUID;

import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
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
 * The whole Snapshot journey on a phone, run once per database (H2 and PostgreSQL
 * subclasses): a resident takes the snapshot twice (PHQ-2 positive → PHQ-9, item 9
 * answered 2 with the network cut → crisis panel), sees results and the trend, asks for
 * contact; the clinician finds the alert at the top of the inbox, sees who and how,
 * acknowledges and replies; the resident reads the reply and answers; a second high-risk
 * result nobody acknowledges escalates once its deadline passes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = { "cpr.safety.escalation-check=PT1H", "cpr.snapshot.choice-check=PT10H",
				"cpr.test.context=snapshot-journey" })
@Import(MutableClockConfiguration.class)
@ExtendWith(BrowserSupport.class)
abstract class SnapshotJourneyScenario {

	private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd").withZone(ZoneOffset.UTC);

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SafetyAlerts alerts;

	@Autowired
	JdbcClient jdbc;

	@BeforeEach
	void freshClinicianEnrolment() {
		// A PostgreSQL database outlives the run: let the clinician enrol their second
		// factor afresh.
		jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = (SELECT id FROM person WHERE username = 'clinician')")
			.update();
		jdbc.sql("UPDATE person SET mfa_secret = NULL, mfa_enabled = FALSE WHERE username = 'clinician'").update();
	}

	@Test
	void fromTheSnapshotToTheClinicianAndBackAndEscalation() throws Exception {
		String token = UUID.randomUUID().toString().substring(0, 8);
		Page resident = BrowserSupport.phone("http://localhost:" + port);
		FoundationBrowserIT.signIn(resident, "resident");
		resident.navigate("/snapshot");
		resident.locator("#snapshot-start").click();
		SnapshotBrowserIT.answerAll(resident, 2);
		SnapshotBrowserIT.next(resident);
		SnapshotBrowserIT.answerAll(resident, 2);
		SnapshotBrowserIT.next(resident);
		SnapshotBrowserIT.answerAll(resident, 1);
		SnapshotBrowserIT.next(resident);
		SnapshotBrowserIT.answerAll(resident, 0);
		SnapshotBrowserIT.next(resident);
		SnapshotBrowserIT.answerAll(resident, 0);
		SnapshotBrowserIT.next(resident);
		SnapshotBrowserIT.skipTheOptionalSteps(resident);
		assertThat(resident.locator("h1")).containsText("Your results");
		String firstDay = DAY.format(clock.instant());

		clock.advance(Duration.ofDays(30));
		String secondDay = DAY.format(clock.instant());
		FoundationBrowserIT.signIn(resident, "resident");
		UUID first = takeHighRisk(resident, true);
		assertThat(resident.locator("#crisis-panel")).isVisible();
		assertThat(resident.locator("#trend-table")).containsText(firstDay);
		assertThat(resident.locator("#trend-table")).containsText(secondDay);
		assertThat(resident.locator("figure.trend svg.chart").first()).isVisible();
		resident.locator("#choice-contact").check();
		resident.locator("#channel").selectOption("PHONE");
		resident.locator("#time").selectOption("MORNING");
		resident.locator("#choice-submit").click();
		assertThat(resident.locator("#contact-confirmation")).containsText("A resilience clinician will contact you");

		Page clinician = BrowserSupport.phone("http://localhost:" + port);
		signInWithTotp(clinician);
		clinician.navigate("/clinician/alerts");
		assertThat(clinician.locator("tbody tr").first()).hasAttribute("data-tier", "TIER_1");
		Locator row = rowOf(clinician, alertOf(first));
		assertThat(row).hasAttribute("data-tier", "TIER_1");
		row.locator("a").first().click();
		assertThat(clinician.locator("#contact-name")).hasText("Alex Rivera");
		assertThat(clinician.locator("#contact-channel")).hasText("Phone call");
		assertThat(clinician.locator("#contact-time")).hasText("Morning");
		clinician.locator("#acknowledge").click();
		assertThat(clinician.locator("#alert-status")).containsText("Acknowledged");
		clinician.locator("#contact-send").click();
		assertThat(clinician.locator("#contact-reply-error")).containsText("Write a message before sending.");
		String reply = "Hello Alex, this is Sam from the resilience team (" + token
				+ "). Is tomorrow at 9 a good time to call?";
		clinician.locator("#contact-reply-body").fill(reply);
		clinician.locator("#contact-send").click();
		assertThat(clinician.locator("#contact-thread")).containsText(token);
		FoundationBrowserIT.assertNoSeriousViolations(clinician, "alert page with the contact dialogue");

		resident.navigate("/snapshot");
		assertThat(resident.locator("#team-messages")).containsText("Messages from the resilience team");
		assertThat(resident.locator("#team-messages")).containsText(token);
		FoundationBrowserIT.assertNoSeriousViolations(resident, "snapshot landing with a message");
		resident.locator("a.team-thread-link[href*='" + first + "']").click();
		resident.locator("#answer-body").fill("Yes, 9 works for me — " + token);
		resident.locator("#answer-send").click();
		assertThat(resident.locator("#answer-sent")).isVisible();
		assertThat(resident.locator("#team-messages")).containsText("9 works for me");
		clinician.reload();
		assertThat(clinician.locator("#contact-thread")).containsText("9 works for me");

		clock.advance(Duration.ofDays(1));
		FoundationBrowserIT.signIn(resident, "resident");
		UUID second = takeHighRisk(resident, false);
		assertThat(resident.locator("#crisis-panel")).isVisible();
		clock.advance(Duration.ofMinutes(61));
		alerts.escalateOverdue();
		signInWithTotpAgainIfNeeded(clinician);
		clinician.navigate("/clinician/alerts");
		Locator escalated = rowOf(clinician, alertOf(second));
		assertThat(escalated).hasAttribute("data-tier", "TIER_1");
		assertThat(escalated).hasAttribute("data-level", "1");
		assertThat(escalated.locator(".escalated")).containsText("escalated (step 1)");
		assertThat(rowOf(clinician, alertOf(first))).hasAttribute("data-level", "0");
		FoundationBrowserIT.assertNoSeriousViolations(clinician, "inbox with an escalated alert");
	}

	/**
	 * Takes the snapshot with a positive PHQ-2 and item 9 answered 2; returns the
	 * submission id from the results URL.
	 */
	UUID takeHighRisk(Page page, boolean cutTheNetwork) {
		page.navigate("/snapshot/take");
		for (int step = 0; step < 3; step++) {
			SnapshotBrowserIT.answerAll(page, 1);
			SnapshotBrowserIT.next(page);
		}
		SnapshotBrowserIT.answerAll(page, 2);
		SnapshotBrowserIT.next(page);
		assertThat(page.locator("#follow-up-note")).isVisible();
		assertThat(page.locator("h1")).containsText("PHQ-9");
		SnapshotBrowserIT.answerAll(page, 0);
		assertThat(page.locator("#crisis-panel")).isHidden();
		if (cutTheNetwork) {
			page.context().setOffline(true);
		}
		page.locator("#a_9_2").check();
		assertThat(page.locator("#crisis-panel")).isVisible();
		assertThat(page.locator("#crisis-panel")).containsText("988");
		page.context().setOffline(false);
		SnapshotBrowserIT.next(page);
		SnapshotBrowserIT.answerAll(page, 0);
		SnapshotBrowserIT.next(page);
		SnapshotBrowserIT.skipTheOptionalSteps(page);
		assertThat(page.locator("h1")).containsText("Your results");
		String url = page.url();
		String id = url.substring(url.indexOf("/snapshot/results/") + "/snapshot/results/".length());
		return UUID.fromString(id.replaceAll("[?#].*$", ""));
	}

	static UUID alertOf(UUID submission) {
		return new SafetyConcern("snapshot", submission.toString(), null, null, AlertTier.TIER_1, java.util.Set.of())
			.alertId();
	}

	static Locator rowOf(Page inbox, UUID alert) {
		return inbox.locator("tbody tr")
			.filter(new Locator.FilterOptions().setHas(inbox.locator("a[href='/clinician/alerts/" + alert + "']")));
	}

	private String totpSecret;

	void signInWithTotp(Page page) throws Exception {
		FoundationBrowserIT.signIn(page, "clinician");
		if (page.url().contains("/mfa/enrol")) {
			totpSecret = page.locator("#totp-secret").innerText().strip();
			page.locator("#code")
				.fill(new DefaultCodeGenerator().generate(totpSecret, clock.instant().getEpochSecond() / 30));
			page.locator("#mfa-confirm").click();
			page.locator("#mfa-continue").click();
		}
		assertThat(page.locator("h1")).containsText("Welcome");
	}

	/**
	 * After an hour of test clock the clinician's session has ended: sign in again with
	 * the enrolled second factor.
	 */
	void signInWithTotpAgainIfNeeded(Page page) throws Exception {
		page.navigate("/clinician/alerts");
		if (page.url().contains("/login")) {
			FoundationBrowserIT.signIn(page, "clinician");
			page.navigate("/clinician/alerts");
		}
		if (page.url().contains("/mfa/verify")) {
			page.locator("#code")
				.fill(new DefaultCodeGenerator().generate(totpSecret, clock.instant().getEpochSecond() / 30));
			page.locator("#mfa-verify").click();
			page.navigate("/clinician/alerts");
		}
		assertThat(page.locator("h1")).hasText("Safety alerts");
	}

}
