package org.cpr.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.curriculum.CurriculumPlans;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The director's coverage view shows each cohort's plan against what was delivered to it,
 * on the page and as a PDF.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class CoverageGapsTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	Attendance attendance;

	@Autowired
	CurriculumPlans plans;

	@Autowired
	TopicLibrary library;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Test
	void plannedTopicsNotDeliveredToACohortShowAsGapsOnThePageAndInThePdf() throws Exception {
		Instant before = clock.instant();
		OrgUnitSummary peds = identity.orgUnits()
			.stream()
			.filter(u -> "PRG-PEDS".equals(u.code()))
			.findFirst()
			.orElseThrow();
		var grief = library.search("Grief after a patient death", null, null, false).get(0);
		var sleep = library.search("Sleep, fatigue and night shifts", null, null, false).get(0);
		UUID plan = plans.create(peds.id(), TraineeType.RESIDENT, 2032);
		plans.add(plan, "PGY1", grief.id());
		plans.add(plan, "PGY2", sleep.id());

		OfferingPlan base = CourseFixtures.plan("Pediatrics grief rounds", 10, 1,
				AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of());
		List<SessionPlan> sessions = List
			.of(new SessionPlan(base.sessions().get(0).start().plusYears(1), base.sessions().get(0).end().plusYears(1),
					CourseFixtures.ZONE, "Children's Hospital, Room 4", null, 10));
		OfferingId offering = catalogue.create(new OfferingPlan(base.title(), base.kind(), base.description(),
				List.of(grief.id()), new Audience(Set.of(TraineeType.RESIDENT), Set.of(peds.id()), Set.of()), null,
				null, base.visibility(), false, 24, Set.of(), sessions), null);
		// The same topic for another program does not count for this cohort.
		catalogue.create(
				new OfferingPlan("Surgery sleep talk", base.kind(), base.description(), List.of(sleep.id()),
						new Audience(Set.of(),
								Set.of(identity.orgUnits()
									.stream()
									.filter(u -> "PRG-GS".equals(u.code()))
									.findFirst()
									.orElseThrow()
									.id()),
								Set.of()),
						null, null, base.visibility(), false, 24, Set.of(), sessions),
				null);
		PersonSummary resident = identity.audience(List.of(peds.id()), Set.of(TraineeType.RESIDENT), Set.of()).get(0);
		registrations.register(offering, resident.id(), Set.of(Role.PARTICIPANT));
		Session held = catalogue.find(offering).orElseThrow().sessions().get(0);
		attendance.rollCall(held.id(), Set.of(resident.id()));
		clock.set(held.end().toInstant().plus(Duration.ofHours(2)));
		try {
			PersonSummary d = identity.byUsername("director").orElseThrow();
			CprUser director = new CprUser(d.id(), "director", null, d.displayName(),
					Set.of(new ScopedRole(Role.PROGRAM_DIRECTOR, d.program())), false, true);
			mvc.perform(get("/courses/coverage").param("year", "2032").with(signedIn(director)))
				.andExpect(status().isOk())
				.andExpect(content().string(containsString("Pediatrics Residency · Resident")))
				.andExpect(content().string(containsString("1 of 2 planned topics not delivered")))
				.andExpect(content().string(containsString("1 session")))
				.andExpect(content().string(containsString("/courses/coverage.pdf?year=2032")));
			byte[] pdf = mvc.perform(get("/courses/coverage.pdf").param("year", "2032").with(signedIn(director)))
				.andExpect(status().isOk())
				.andExpect(header().string("Content-Type", "application/pdf"))
				.andReturn()
				.getResponse()
				.getContentAsByteArray();
			String text;
			try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
				text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
			}
			assertThat(text)
				.contains("Pediatrics grief rounds", "Grief after a patient death", "not delivered",
						"Sleep, fatigue and night shifts", "1 attended")
				.doesNotContain(resident.displayName());
			mvc.perform(get("/courses/coverage.pdf").with(signedIn(new CprUser(resident.id(), "r", null, "R",
					Set.of(new ScopedRole(Role.PARTICIPANT, peds.id())), false, true))))
				.andExpect(status().isForbidden());
		}
		finally {
			clock.set(before);
		}
	}

	@Test
	void aPlanItemIsScheduledFromAPrefilledOfferingFormAndBadLinksJustGiveAnEmptyForm() throws Exception {
		OrgUnitSummary peds = identity.orgUnits()
			.stream()
			.filter(u -> "PRG-PEDS".equals(u.code()))
			.findFirst()
			.orElseThrow();
		var grief = library.search("Grief after a patient death", null, null, false).get(0);
		CprUser facilitator = org.cpr.support.TestUsers.as(Role.FACILITATOR);
		String form = mvc
			.perform(get("/courses/manage/new").param("topic", grief.id().toString())
				.param("program", peds.id().toString())
				.param("type", "RESIDENT")
				.with(signedIn(facilitator)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(form).contains("value=\"Grief after a patient death\"")
			.containsPattern("value=\"" + grief.id() + "\"\\s+checked")
			.containsPattern("value=\"" + peds.id() + "\"\\s+checked")
			.containsPattern("value=\"RESIDENT\"\\s+checked");
		mvc.perform(get("/courses/manage/new").param("topic", "not-a-topic")
			.param("program", "x")
			.param("type", "<b>")
			.with(signedIn(facilitator)))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString(grief.id() + "\" checked"))))
			.andExpect(content()
				.string(org.hamcrest.Matchers.not(containsString("value=\"Grief after a patient death\""))));
	}

}
