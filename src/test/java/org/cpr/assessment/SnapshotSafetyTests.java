package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import com.icegreen.greenmail.junit5.GreenMailExtension;
import org.cpr.identity.CprUser;
import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.Role;
import org.cpr.support.MailTest;
import org.cpr.support.MutableClock;
import org.cpr.support.TestMail;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A high-risk snapshot: crisis panel and a choice; only a contact request carries
 * identity; exactly one concern per submission; nobody (certainly no program director)
 * gets mail about it.
 */
@MailTest
@RecordApplicationEvents
class SnapshotSafetyTests {

	@RegisterExtension
	static GreenMailExtension mail = TestMail.server();

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	SnapshotJobs jobs;

	@Autowired
	MutableClock clock;

	UUID highRisk(CprUser who, String item9) throws Exception {
		return SnapshotWebTests.submissionId(new SnapshotDriver(mvc, who).takeAll("2", item9, "2"));
	}

	List<SafetyConcern> concerns(UUID submission) {
		return events.stream(SafetyConcern.class).filter(c -> c.sourceId().equals(submission.toString())).toList();
	}

	String results(CprUser who, UUID id) throws Exception {
		return mvc.perform(get("/snapshot/results/" + id).with(signedIn(who)))
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void itemNineShowsTheCrisisPanelAndTheChoiceAndRaisesOnlyAPseudonymousReviewAtOnce() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		UUID id = highRisk(resident, "1");
		assertThat(results(resident, id)).contains("id=\"crisis-panel\"")
			.contains("988")
			.contains("choice-form")
			.contains("Resources only: keep me private")
			.contains("Ask a resilience clinician to contact me");
		assertThat(concerns(id)).singleElement().satisfies(c -> {
			assertThat(c.sourceType()).isEqualTo("snapshot");
			assertThat(c.person()).as("no identity before the person asks for contact").isNull();
		});
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM safety_alert WHERE source_type = 'snapshot' AND source_id = ?", Integer.class,
					id.toString()) == 1);
	}

	@Test
	void resourcesOnlyRaisesOnePseudonymousConcernWithoutIdentity() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		UUID id = highRisk(resident, "1");
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/snapshot/results/" + id + "/choice").with(signedIn(resident))
				.with(csrf())
				.param("choice", "PRIVATE"));
		}
		assertThat(concerns(id)).allSatisfy(c -> {
			assertThat(c.sourceType()).isEqualTo("snapshot");
			assertThat(c.person()).isNull();
			assertThat(c.tier()).isEqualTo(AlertTier.TIER_2);
			assertThat(c.reasons()).contains("PHQ9_ITEM9");
		});
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject(
					"SELECT COUNT(*) FROM safety_alert WHERE source_type = 'snapshot' AND source_id = ?", Integer.class,
					id.toString()) == 1);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM safety_alert WHERE source_id = ? AND person_id IS NOT NULL",
						Integer.class, id.toString()))
			.isZero();
		assertThat(results(resident, id)).contains("Your answers stay private").doesNotContain("choice-form");
		assertThat(mail.getReceivedMessages()).as("no e-mail to anyone, program directors included").isEmpty();
	}

	@Test
	void aContactRequestCarriesIdentityTierAndPreferredChannel() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		UUID id = highRisk(resident, "2");
		mvc.perform(post("/snapshot/results/" + id + "/choice").with(signedIn(resident))
			.with(csrf())
			.param("choice", "CONTACT"));
		assertThat(concerns(id)).as("a contact request without channel and time is refused")
			.noneMatch(c -> c.person() != null);
		for (int i = 0; i < 2; i++) {
			mvc.perform(post("/snapshot/results/" + id + "/choice").with(signedIn(resident))
				.with(csrf())
				.param("choice", "CONTACT")
				.param("channel", "PHONE")
				.param("time", "EVENING"));
		}
		assertThat(concerns(id).stream().filter(c -> c.person() != null)).singleElement().satisfies(c -> {
			assertThat(c.sourceType()).isEqualTo("snapshot");
			assertThat(c.person()).isEqualTo(resident.personId());
			assertThat(c.tier()).isEqualTo(AlertTier.TIER_1);
			assertThat(c.reasons()).contains("CONTACT_REQUESTED", "CONTACT_BY_PHONE", "CONTACT_TIME_EVENING");
		});
		// One alert for the submission, now carrying the person who asked to be
		// contacted.
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM safety_alert WHERE source_id = ? AND person_id = ?",
					Integer.class, id.toString(), resident.personId().value()) == 1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM safety_alert WHERE source_id = ?", Integer.class,
				id.toString()))
			.isEqualTo(1);
		assertThat(results(resident, id)).contains("A resilience clinician will contact you (Phone, Evening)");
		assertThat(mail.getReceivedMessages()).isEmpty();
	}

	@Test
	void withoutAChoiceTheReviewExistsAndTheJobOnlySettlesTheChoice() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		UUID id = highRisk(resident, "1");
		jobs.publishUndecided();
		assertThat(concerns(id)).singleElement().satisfies(c -> assertThat(c.person()).isNull());
		clock.advance(Duration.ofMinutes(11));
		jobs.publishUndecided();
		jobs.publishUndecided();
		assertThat(concerns(id)).allSatisfy(c -> assertThat(c.person()).isNull());
		mvc.perform(post("/snapshot/results/" + id + "/choice").with(signedIn(resident))
			.with(csrf())
			.param("choice", "PRIVATE"));
		assertThat(concerns(id)).allSatisfy(c -> assertThat(c.person()).isNull());
		// the alert is raised by an asynchronous listener after the commit
		await().atMost(Duration.ofSeconds(30))
			.until(() -> jdbc.queryForObject("SELECT COUNT(*) FROM safety_alert WHERE source_id = ?", Integer.class,
					id.toString()) == 1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM safety_alert WHERE source_id = ?", Integer.class,
				id.toString()))
			.isEqualTo(1);
	}

	@Test
	void pcPtsdAndTheTopBurnoutOptionAlsoAskForTheChoice() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		UUID id = SnapshotWebTests.submissionId(new SnapshotDriver(mvc, resident).takeAll("1", "0", "5"));
		assertThat(results(resident, id)).contains("choice-form").contains("id=\"crisis-panel\"");
	}

}
