package org.cpr.browser;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.microsoft.playwright.Page;
import jakarta.mail.internet.MimeMessage;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.peersupport.EventType;
import org.cpr.peersupport.PeerRequestId;
import org.cpr.peersupport.PeerRequests;
import org.cpr.peersupport.PeerRoster;
import org.cpr.peersupport.RosterEntry;
import org.cpr.peersupport.Training;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.support.BrowserSupport;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Issue #14 (peer support) on a phone against PostgreSQL: a nurse manager files a
 * reach-in, the coordinator confirms the proposed supporter who is notified by e-mail,
 * the supporter makes contact and logs the encounter, the manager sees only "contact
 * made", and once the month is counted the report includes it (eleven reach-ins that
 * month: the minimum for a count).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ExtendWith(BrowserSupport.class)
@Import(MutableClockConfiguration.class)
@PostgresTest
class PeerSupportJourneyBrowserIT {

	static final int SMTP_PORT = 20000 + ThreadLocalRandom.current().nextInt(20000);
	static final Instant DEFAULT = Instant.parse("2026-03-02T09:00:00Z");

	@RegisterExtension
	static GreenMailExtension mail = new GreenMailExtension(new ServerSetup(SMTP_PORT, "127.0.0.1", "smtp"));

	@DynamicPropertySource
	static void smtp(DynamicPropertyRegistry r) {
		r.add("spring.mail.host", () -> "127.0.0.1");
		r.add("spring.mail.port", () -> SMTP_PORT);
	}

	@LocalServerPort
	int port;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@Autowired
	PeerRoster roster;

	@Autowired
	PeerRequests requests;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	Page page() {
		return BrowserSupport.phone("http://localhost:" + port);
	}

	@AfterEach
	void resetClock() {
		clock.set(DEFAULT);
	}

	@org.junit.jupiter.api.BeforeEach
	void freshEnrolment() {
		// The coordinator enrols two-step sign-in at the first sign-in of each run.
		jdbc.sql("DELETE FROM mfa_recovery_code WHERE person_id = (SELECT id FROM person WHERE username = 'peercoord')")
			.update();
		jdbc.sql("UPDATE person SET mfa_secret = NULL, mfa_enabled = FALSE WHERE username = 'peercoord'").update();
	}

	PersonId person(String prefix, TraineeType type, String department, String program, PersonId by) {
		String username = prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
		UUID id = people.create(
				new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example", "Test " + username,
						type, null, program == null ? null : unit(program).value(), unit(department).value(), true),
				by);
		people.setPassword(id, FoundationBrowserIT.PASSWORD, by);
		return new PersonId(id);
	}

	OrgUnitId unit(String code) {
		return identity.orgUnits().stream().filter(u -> u.code().equals(code)).findFirst().orElseThrow().id();
	}

	@Test
	void aReachInIsMatchedNotifiedContactedLoggedAndCountedWithoutTheManagerLearningMore() {
		// a year of its own, so the count is this test's alone however often the database
		// is reused
		int year = 2100 + ThreadLocalRandom.current().nextInt(800);
		Instant filedAt = LocalDate.of(year, 5, 10).atTime(8, 0).toInstant(ZoneOffset.UTC);
		clock.set(filedAt);
		LocalDate today = LocalDate.of(year, 5, 10);
		PersonId admin = identity.byUsername("sysadmin").orElseThrow().id();
		PersonId manager = identity.byUsername("riskmanager").orElseThrow().id();
		PersonId supporter = person("peer-journey", TraineeType.RESIDENT, "SOM-EM", "PRG-EM", admin);
		roster.enrol(supporter,
				new RosterEntry(TraineeType.RESIDENT, "Emergency medicine", null, List.of("en"), true, 3), admin);
		roster.recordTraining(supporter,
				new Training("Peer support training", today.minusMonths(2), today.plusYears(2)), admin);
		PersonId resident = person("resident-journey", TraineeType.RESIDENT, "SOM-SURG", "PRG-GS", admin);
		// ten earlier reach-ins that month, contacted within two hours
		for (int i = 0; i < 10; i++) {
			PersonId nurse = person("nurse-journey", TraineeType.NURSE, "UH-NURS", null, admin);
			PeerRequestId id = requests
				.fileReachIn(manager, EventType.VIOLENT_INCIDENT, today.minusDays(1), List.of(nurse))
				.get(0);
			jdbc.sql("UPDATE peer_request SET status = 'CLOSED', first_contact_at = ? WHERE id = ?")
				.params(java.sql.Timestamp.from(filedAt.plus(Duration.ofHours(2))), id.value())
				.update();
		}
		String residentName = identity.person(resident).orElseThrow().displayName();
		String residentUsername = identity.person(resident).orElseThrow().username();

		Page managerPage = page();
		FoundationBrowserIT.signIn(managerPage, "riskmanager");
		managerPage.navigate("/peer/reach-in");
		FoundationBrowserIT.assertNoSeriousViolations(managerPage, "/peer/reach-in");
		managerPage.locator("#eventType").selectOption("PATIENT_DEATH");
		managerPage.locator("#eventDate").fill(today.minusDays(1).toString());
		managerPage.locator("#people").fill(residentUsername);
		managerPage.locator("#file-reach-in").click();
		assertThat(managerPage.locator("#reach-in-notice")).containsText("A trained peer will reach out");
		assertThat(managerPage.locator("#referrals")).containsText(residentName);
		assertThat(managerPage.locator("#referrals")).containsText("Not yet");

		Page coordinator = page();
		String secret = signInWithTotp(coordinator, "peercoord", null);
		coordinator.navigate("/peer/coordinator");
		coordinator.getByText(residentName).click();
		assertThat(coordinator.locator("#proposal")).containsText("Same profession");
		FoundationBrowserIT.assertNoSeriousViolations(coordinator, "a reach-in request");
		coordinator.locator("#supporter").selectOption(supporter.toString());
		coordinator.locator("#confirm-supporter").click();
		assertThat(coordinator.locator("#request-notice")).hasText("Supporter assigned and notified.");
		String supporterEmail = identity.person(supporter).orElseThrow().email();
		await().atMost(Duration.ofSeconds(30)).until(() -> received(supporterEmail).length == 1);
		String body = GreenMailUtil.getBody(received(supporterEmail)[0]);
		org.assertj.core.api.Assertions.assertThat(body)
			.contains("/peer/cases/")
			.doesNotContain(residentName)
			.doesNotContain("death");

		clock.advance(Duration.ofHours(3));
		Page peer = page();
		FoundationBrowserIT.signIn(peer, identity.person(supporter).orElseThrow().username());
		peer.navigate("/peer/cases");
		peer.getByText(residentName).click();
		FoundationBrowserIT.assertNoSeriousViolations(peer, "a supporter's case");
		peer.locator("#contact-made").click();
		assertThat(peer.locator("#case-status")).hasText("Contact made");
		peer.locator("#occurredOn").fill(today.toString());
		peer.locator("#duration").selectOption("MIN_30_TO_60");
		peer.locator("#type").selectOption("INDIVIDUAL");
		peer.locator("#referredDirectory-no").check();
		peer.locator("#referredClinician-yes").check();
		peer.locator("#referredEap-no").check();
		peer.locator("#log-encounter").click();
		assertThat(peer.locator("#case-notice")).hasText("Encounter logged.");
		assertThat(peer.locator("#encounters")).containsText("30 to 60 minutes");

		managerPage.navigate("/peer/reach-in");
		assertThat(managerPage.locator("#referrals")).containsText("Contact made");
		assertThat(managerPage.locator("#referrals")).not().containsText("30 to 60");

		// five weeks later May is counted: eleven reach-ins, all contacted within 24
		// hours
		clock.set(LocalDate.of(year, 6, 20).atTime(8, 0).toInstant(ZoneOffset.UTC));
		Page report = page();
		signInWithTotp(report, "peercoord", secret);
		report.navigate("/peer/reports?year=" + year);
		assertThat(report.locator("#report-total")).hasText("11");
		assertThat(report.locator("#report-within")).hasText("100 %");
		FoundationBrowserIT.assertNoSeriousViolations(report, "/peer/reports");
	}

	/**
	 * Signs a coordinator in past the second factor (PEER_SUPPORT_COORDINATOR requires
	 * it): enrols at the first sign-in and returns the secret; later sign-ins give a code
	 * from {@code secret}.
	 */
	String signInWithTotp(Page page, String username, String secret) {
		FoundationBrowserIT.signIn(page, username);
		if (page.url().contains("/mfa/enrol")) {
			secret = page.locator("#totp-secret").innerText().strip();
			page.locator("#code").fill(code(secret));
			page.locator("#mfa-confirm").click();
			page.locator("#mfa-continue").click();
		}
		else if (page.url().contains("/mfa/verify")) {
			page.locator("#code").fill(code(secret));
			page.locator("#mfa-verify").click();
		}
		assertThat(page.locator("h1")).containsText("Welcome");
		return secret;
	}

	String code(String secret) {
		try {
			return new dev.samstevens.totp.code.DefaultCodeGenerator().generate(secret,
					clock.instant().getEpochSecond() / 30);
		}
		catch (Exception e) {
			throw new IllegalStateException(e);
		}
	}

	MimeMessage[] received(String email) {
		return Arrays.stream(mail.getReceivedMessages()).filter(m -> {
			try {
				return GreenMailUtil.getAddressList(m.getAllRecipients()).equals(email);
			}
			catch (jakarta.mail.MessagingException e) {
				return false;
			}
		}).toArray(MimeMessage[]::new);
	}

}
