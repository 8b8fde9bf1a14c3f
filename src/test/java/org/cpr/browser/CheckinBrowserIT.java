package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import com.microsoft.playwright.Page;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import org.cpr.identity.IdentityManagement;
import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.PersonId;
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
 * The anonymous check-in end to end at phone width: a critical answer shows the crisis
 * panel before anything is sent; the counselor finds the check-in at the top of the
 * inbox, acknowledges and replies; the participant comes back with the handle and reads
 * the reply. Then an alert nobody acknowledges escalates when its deadline passes, and
 * the inbox shows it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
		properties = "cpr.safety.escalation-check=PT1H")
@Import(MutableClockConfiguration.class)
@ExtendWith(BrowserSupport.class)
class CheckinBrowserIT {

	static final String PASSPHRASE = "quiet river under winter light";

	@LocalServerPort
	int port;

	@Autowired
	MutableClock clock;

	@Autowired
	SafetyAlerts alerts;

	@Autowired
	IdentityManagement identity;

	@Test
	void anonymousCheckinReachesTheCounselorAndTheReplyReachesTheParticipant() throws Exception {
		PersonId clinicianId = identity.byUsername("clinician").orElseThrow().id();
		PersonId backupId = identity.byUsername("privacy").orElseThrow().id();
		alerts.replaceOnCallLadder(List.of(clinicianId, backupId));
		alerts.raise(new SafetyConcern("survey-response", UUID.randomUUID().toString(), new PersonId(UUID.randomUUID()),
				null, AlertTier.TIER_3, Set.of("BURNOUT_TOP")));

		String handle = "willow-" + UUID.randomUUID().toString().substring(0, 6);
		Page participant = BrowserSupport.phone("http://localhost:" + port);
		participant.navigate("/checkin");
		participant.locator("#handle").fill(handle);
		participant.locator("#passphrase").fill(PASSPHRASE);
		for (int i = 1; i <= 8; i++) {
			participant.locator("#phq9_" + i + "_1").check();
		}
		assertThat(participant.locator("#crisis-panel")).isHidden();
		participant.context().setOffline(true);
		participant.locator("#phq9_9_2").check();
		assertThat(participant.locator("#crisis-panel")).isVisible();
		assertThat(participant.locator("#crisis-panel")).containsText("988");
		participant.context().setOffline(false);
		for (int i = 1; i <= 7; i++) {
			participant.locator("#gad7_" + i + "_1").check();
		}
		participant.locator("#pcptsd5_exposure_1").check();
		participant.locator("#burnout_1_2").check();
		FoundationBrowserIT.assertNoSeriousViolations(participant, "/checkin with the crisis panel");
		participant.locator("#send-checkin").click();
		assertThat(participant.locator("#checkin-receipt")).containsText("A counselor will write back to you by");

		Page clinician = BrowserSupport.phone("http://localhost:" + port);
		signInWithTotp(clinician);
		clinician.navigate("/clinician/alerts");
		assertThat(clinician.locator("tbody tr").first()).hasAttribute("data-tier", "TIER_1");
		assertThat(clinician.locator("tbody tr").last()).hasAttribute("data-tier", "TIER_3");
		clinician.locator("tbody tr").first().locator("a.checkin-link").click();
		assertThat(clinician.locator("#checkin-tier")).containsText("Tier 1");
		assertThat(clinician.locator("#reply-by")).containsText("24–48 business hours");
		clinician.locator("#acknowledge").click();
		assertThat(clinician.locator("#alert-status")).containsText("Acknowledged");
		clinician.locator("#reply-body")
			.fill("Thank you for checking in. I would like to hear more — would a call help?");
		clinician.locator("#send-reply").click();
		assertThat(clinician.locator("#checkin-messages")).containsText("would a call help?");
		FoundationBrowserIT.assertNoSeriousViolations(clinician, "clinician check-in view");

		Page returning = BrowserSupport.phone("http://localhost:" + port);
		returning.navigate("/checkin/return");
		returning.locator("#handle").fill(handle);
		returning.locator("#passphrase").fill(PASSPHRASE);
		returning.locator("#open-thread").click();
		assertThat(returning.locator("#checkin-messages")).containsText("would a call help?");
		FoundationBrowserIT.assertNoSeriousViolations(returning, "participant thread");

		alerts.raise(new SafetyConcern("survey-response", UUID.randomUUID().toString(), new PersonId(UUID.randomUUID()),
				null, AlertTier.TIER_1, Set.of("PHQ9_ITEM9")));
		clock.advance(Duration.ofMinutes(61));
		alerts.escalateOverdue();
		clinician.navigate("/clinician/alerts");
		assertThat(clinician.locator("tbody tr[data-level='1']")).hasCount(1);
		assertThat(clinician.locator("tbody tr[data-level='1'] .escalated")).containsText("step 1");
		assertThat(clinician.locator("tbody tr[data-level='1']")).hasAttribute("data-tier", "TIER_1");
	}

	void signInWithTotp(Page page) throws Exception {
		FoundationBrowserIT.signIn(page, "clinician");
		if (page.url().contains("/mfa/enrol")) {
			String secret = page.locator("#totp-secret").innerText().strip();
			page.locator("#code")
				.fill(new DefaultCodeGenerator().generate(secret, clock.instant().getEpochSecond() / 30));
			page.locator("#mfa-confirm").click();
			page.locator("#mfa-continue").click();
		}
		assertThat(page.locator("h1")).containsText("Welcome");
	}

}
