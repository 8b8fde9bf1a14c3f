package org.cpr.evaluation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.needs.NeedsResults;
import org.cpr.shared.Role;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The annual report's CQI, needs and directory sections, and a program's ACGME VI.C
 * evidence pack read back from its PDF, on data of academic year 2018–19 that no other
 * test touches.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AnnualEvidenceWebTests {

	static final int YEAR = 2018;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	NeedsResults needsResults;

	@Autowired
	EvaluationConsent consent;

	EvaluationFixtures fixtures;

	CprUser admin;

	UUID rotation = UUID.randomUUID();

	@BeforeAll
	void data() {
		fixtures = new EvaluationFixtures(jdbc, identity);
		admin = fixtures.signedIn("admin", Role.ADMINISTRATOR, "CAMPUS");
		UUID by = admin.personId().value();
		for (int i = 0; i < 6; i++) {
			UUID item = UUID.randomUUID();
			Timestamp opened = ts(LocalDate.of(YEAR, 10, 1 + i));
			jdbc.sql("""
					INSERT INTO cqi_item (id, title, problem_statement, category, status, you_said, we_did, published,
					  created_by, created_at, updated_at) VALUES (?, ?, 'fixture', 'STAFFING', ?, ?, ?, ?, ?, ?, ?)""")
				.params(item, "Evidence fixture item " + i, i == 0 ? "CLOSED" : "IDENTIFIED",
						i == 0 ? "Night cover is too thin" : null,
						i == 0 ? "A second night resident from January" : null, i == 0, by, opened, opened)
				.update();
		}
		// two items in an earlier year: fewer than five, so neither the count nor the
		// list
		for (int i = 0; i < 2; i++) {
			Timestamp opened = ts(LocalDate.of(YEAR - 3, 10, 1 + i));
			jdbc.sql(
					"""
							INSERT INTO cqi_item (id, title, problem_statement, category, status, published,
							  created_by, created_at, updated_at) VALUES (?, ?, 'fixture', 'STAFFING', 'IDENTIFIED', FALSE, ?, ?, ?)""")
				.params(UUID.randomUUID(), "Early fixture item " + i, by, opened, opened)
				.update();
		}
		jdbc.sql("INSERT INTO directory_use (day, kind, category, uses) VALUES (?, 'SEARCH', 'ANY', 40),"
				+ " (?, 'VIEW', 'CRISIS', 12), (?, 'VIEW', 'LEGAL', 2)")
			.params(LocalDate.of(YEAR, 9, 3), LocalDate.of(YEAR, 9, 3), LocalDate.of(YEAR, 9, 3))
			.update();
		needs();
		careAndSessions();
		offerings();
	}

	/**
	 * Two workshops with consenting attendees measured with WHO-5 before and after:
	 * workshop B's nine attendees include workshop A's six.
	 */
	private void offerings() {
		java.util.List<org.cpr.identity.PersonSummary> people = new java.util.ArrayList<>(
				fixtures.programPeople("PRG-PEDS"));
		people.addAll(fixtures.programPeople("PRG-PSY"));
		people = people.subList(0, 9);
		java.util.List<org.cpr.shared.PersonId> ids = people.stream().map(p -> p.id()).toList();
		workshop("Workshop A on sleep", ids.subList(0, 6));
		workshop("Workshop B on boundaries", ids);
		for (int i = 0; i < ids.size(); i++) {
			consent.decide(ids.get(i), true);
			fixtures.who5(ids.get(i), LocalDate.of(YEAR, 9, 1), 40 + i % 4 * 4);
			fixtures.who5(ids.get(i), LocalDate.of(YEAR + 1, 3, 1), 52 + i % 3 * 4);
		}
	}

	private void workshop(String title, java.util.List<org.cpr.shared.PersonId> attendees) {
		UUID offering = UUID.randomUUID();
		UUID session = UUID.randomUUID();
		Timestamp start = ts(LocalDate.of(YEAR, 10, 20));
		jdbc.sql(
				"""
						INSERT INTO course_offering (id, title, kind, description, visibility, public_listing, cancel_cutoff_hours,
						  capacity, status, created_at, updated_at) VALUES (?, ?, 'WORKSHOP', 'fixture', 'REPORTED_TO_PROGRAM',
						  FALSE, 24, 50, 'OPEN', ?, ?)""")
			.params(offering, title, start, start)
			.update();
		jdbc.sql(
				"""
						INSERT INTO course_session (id, offering_id, starts_at, ends_at, time_zone, capacity, status, checkin_secret)
						VALUES (?, ?, ?, ?, 'UTC', 50, 'SCHEDULED', 'fixture')""")
			.params(session, offering, start, new Timestamp(start.getTime() + 3_600_000))
			.update();
		for (org.cpr.shared.PersonId p : attendees) {
			jdbc.sql("INSERT INTO course_attendance (id, session_id, person_id, checked_in_at, method)"
					+ " VALUES (?, ?, ?, ?, 'ROLL_CALL')")
				.params(UUID.randomUUID(), session, p.value(), start)
				.update();
		}
	}

	/** Six answers of the Internal Medicine residents about one rotation. */
	private void needs() {
		jdbc.sql(
				"INSERT INTO needs_rotation (id, name, hospital_code, specialty, setting) VALUES (?, ?, 'UH', 'Medicine', 'ICU')")
			.params(rotation, "Evidence fixture ICU")
			.update();
		UUID campaign = UUID.randomUUID();
		LocalDate closes = LocalDate.of(YEAR, 11, 20);
		jdbc.sql(
				"INSERT INTO needs_campaign (campaign_id, academic_year, sent_on, closes_on, org_unit_id) VALUES (?,?,?,?,?)")
			.params(campaign, YEAR, closes.minusDays(13), closes, fixtures.unit("PRG-IM").id().value())
			.update();
		for (int i = 0; i < 6; i++) {
			jdbc.sql("INSERT INTO needs_response (id, campaign_id, academic_year, closes_on, rotation_id, specialty,"
					+ " hospital_code, workload, sleep, autonomy, team, mistreatment, adverse, ehr, home, burnout, wellbeing)"
					+ " VALUES (?,?,?,?,?,'Medicine','UH',90,20,20,20,20,20,20,20,2,60)")
				.params(UUID.randomUUID(), campaign, YEAR, closes, rotation)
				.update();
		}
		needsResults.rebuild(YEAR);
	}

	/**
	 * Six sessions of a topic on burnout and suicide education, and eight care slots,
	 * five of them after hours.
	 */
	private void careAndSessions() {
		UUID topic = UUID.randomUUID();
		Timestamp t = ts(LocalDate.of(YEAR, 9, 1));
		jdbc.sql(
				"""
						INSERT INTO curriculum_topic (id, code, title, summary, objectives, format, minutes, competencies,
						  requirements, updated_at) VALUES (?, ?, 'Recognising burnout', 's', 'o', 'WORKSHOP', 60, '', 'VI_C_1_E', ?)""")
			.params(topic, "EVID-" + topic.toString().substring(0, 8), t)
			.update();
		UUID offering = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO course_offering (id, title, kind, description, topic_ids, visibility, public_listing,
						  cancel_cutoff_hours, capacity, status, created_at, updated_at)
						VALUES (?, 'Burnout workshop', 'WORKSHOP', 'fixture', ?, 'REPORTED_TO_PROGRAM', FALSE, 24, 50, 'OPEN', ?, ?)""")
			.params(offering, topic.toString(), t, t)
			.update();
		for (int i = 0; i < 6; i++) {
			Timestamp start = ts(LocalDate.of(YEAR, 10, 1).plusDays(i * 7L));
			jdbc.sql(
					"""
							INSERT INTO course_session (id, offering_id, starts_at, ends_at, time_zone, capacity, status, checkin_secret)
							VALUES (?, ?, ?, ?, 'UTC', 50, 'SCHEDULED', 'fixture')""")
				.params(UUID.randomUUID(), offering, start, new Timestamp(start.getTime() + 3_600_000))
				.update();
		}
		for (int i = 0; i < 8; i++) {
			Timestamp start = ts(LocalDate.of(YEAR, 11, 1 + i));
			jdbc.sql(
					"""
							INSERT INTO assist_slot (id, clinician_id, starts_at, ends_at, time_zone, modality, after_hours, weekend,
							  status, created_at) VALUES (?, ?, ?, ?, 'UTC', 'VIDEO', ?, FALSE, 'OPEN', ?)""")
				.params(UUID.randomUUID(), admin.personId().value(), start, new Timestamp(start.getTime() + 3_000_000),
						i < 5, start)
				.update();
		}
	}

	private static Timestamp ts(LocalDate day) {
		return Timestamp.from(day.atTime(12, 0).toInstant(ZoneOffset.UTC));
	}

	@Test
	void theAnnualReportListsTheRegistersYearNeedsFindingsAndDirectoryUseAllGated() throws Exception {
		mvc.perform(get("/evaluation/annual").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Evidence fixture item 3")))
			.andExpect(content().string(containsString("Night cover is too thin")))
			.andExpect(content().string(containsString("A second night resident from January")))
			.andExpect(content().string(containsString("Evidence fixture ICU")))
			.andExpect(content().string(containsString("Service pages viewed: Crisis")))
			// two views of legal services are fewer than the gate's five: hidden
			.andExpect(content().string(containsString("fewer than 5")));
		byte[] pdf = mvc.perform(get("/evaluation/annual.pdf").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("Items opened 6")
				.contains("Evidence fixture ICU · University Hospital Workload 90 6")
				.contains("Searches of the directory 40")
				.contains("Service pages viewed: Crisis 12")
				.contains("Night cover is too thin");
		}
	}

	@Test
	void theItemsOfAYearWhoseCountsAreHiddenAreNotListedEither() throws Exception {
		// the list's length and statuses would give away the hidden counts
		mvc.perform(get("/evaluation/annual").param("year", "" + (YEAR - 3)).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("Early fixture item"))))
			.andExpect(content().string(containsString("The items are listed once both counts above can be shown")));
	}

	@Test
	void aProgramDirectorDownloadsTheVicEvidencePackOfTheirProgram() throws Exception {
		CprUser director = fixtures.signedIn("director", Role.PROGRAM_DIRECTOR, "PRG-IM");
		String program = fixtures.unit("PRG-IM").id().value().toString();
		mvc.perform(get("/evaluation/vic").param("year", "" + YEAR).with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Internal Medicine Residency")))
			.andExpect(content().string(containsString("VI.C.1.e(4)")));
		byte[] pdf = mvc.perform(
				get("/evaluation/vic.pdf").param("year", "" + YEAR).param("program", program).with(signedIn(director)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			assertThat(text).contains("Internal Medicine Residency")
				.contains("Curriculum sessions delivered that address this item: 6")
				.contains("Confidential consultation appointments offered: 8")
				.contains("outside 08:00–18:00 on weekdays or at weekends: 5")
				.contains("Evidence fixture ICU · University Hospital, Workload averaged 90 (n = 6)")
				.contains("does not hold absence or coverage records");
		}
		CprUser surgery = fixtures.signedIn("leader", Role.PROGRAM_DIRECTOR, "PRG-GS");
		mvc.perform(
				get("/evaluation/vic.pdf").param("year", "" + YEAR).param("program", program).with(signedIn(surgery)))
			.andExpect(status().isNotFound());
	}

	@Test
	void eachOfferingWithEnoughMeasuredAttendeesGetsAForestRowAndOneThatWouldIsolateAFewIsHidden() throws Exception {
		mvc.perform(get("/api/v1/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
					"$.rows[?(@.offering == 'Workshop B on boundaries' && @.instrument.id == 'who-5')].participants.value")
				.value(org.hamcrest.Matchers.hasItem(9)))
			// B's nine minus A's six would single out three people: A stays hidden
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath(
					"$.rows[?(@.offering == 'Workshop A on sleep' && @.instrument.id == 'who-5')].participants.messageKey")
				.value(org.hamcrest.Matchers.hasItem(org.hamcrest.Matchers.notNullValue())));
		mvc.perform(get("/evaluation/impact").param("year", "" + YEAR).with(signedIn(admin)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Offering: Workshop B on boundaries")));
	}

}
