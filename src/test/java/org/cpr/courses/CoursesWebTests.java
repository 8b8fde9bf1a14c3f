package org.cpr.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.component.VEvent;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class CoursesWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Autowired
	org.cpr.curriculum.TopicLibrary library;

	CprUser demo(String username, Role role) {
		var p = identity.byUsername(username).orElseThrow();
		return new CprUser(p.id(), username, null, p.displayName(),
				Set.of(new ScopedRole(role, p.program() != null ? p.program() : identity.orgUnits().get(0).id())),
				false, true);
	}

	MockHttpServletRequestBuilder course(String title, String date, String start, String end, String capacity,
			String weeks) {
		return post("/courses/manage").with(csrf())
			.param("title", title)
			.param("kind", "MULTI_WEEK_COURSE")
			.param("description", "Four weekly evenings on stress and recovery.")
			.param("visibility", "REPORTED_TO_PROGRAM")
			.param("cancellationCutoffHours", "24")
			.param("timeZone", "America/Denver")
			.param("facilitators", "facilitator")
			.param("sessions[0].date", date)
			.param("sessions[0].start", start)
			.param("sessions[0].end", end)
			.param("sessions[0].place", "Education Center 2")
			.param("sessions[0].capacity", capacity)
			.param("sessions[0].weeks", weeks);
	}

	OfferingId created(String location) {
		return OfferingId.of(location.replace("/courses/manage/", "").replace("?created", ""));
	}

	@Test
	void aCoordinatorCreatesAFourWeekCourseFromOneRepeatedRow() throws Exception {
		String location = mvc
			.perform(course("Stress first aid", "2026-04-07", "17:00", "18:30", "12", "4")
				.with(signedIn(demo("facilitator", Role.FACILITATOR))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		Offering offering = catalogue.find(created(location)).orElseThrow();
		assertThat(offering.sessions()).hasSize(4);
		assertThat(offering.sessions().get(3).start().toLocalDate()).hasToString("2026-04-28");
		assertThat(offering.sessions().get(0).start().getZone().getId()).isEqualTo("America/Denver");
		assertThat(offering.capacity()).isEqualTo(12);
		mvc.perform(get(location).with(signedIn(demo("facilitator", Role.FACILITATOR))))
			.andExpect(content().string(containsString("0 of 12 seats taken")));
	}

	/**
	 * The landing page lists what is open to the whole campus and never advertises an
	 * empty list (issue #19): a public talk appears with its date and calendar link; once
	 * cancelled it is gone, and the section shows only while another public offering is
	 * scheduled.
	 */
	@Test
	void theLandingPageListsPublicTalksAndNoSectionWhileThereAreNone() throws Exception {
		String title = "Grand rounds " + java.util.UUID.randomUUID().toString().substring(0, 8);
		OfferingPlan internal = CourseFixtures.plan(title, 200, 1, AttendanceVisibility.REPORTED_TO_PROGRAM,
				Set.of(demo("facilitator", Role.FACILITATOR).personId()));
		OfferingPlan open = new OfferingPlan(internal.title(), OfferingKind.LECTURE, internal.description(), List.of(),
				internal.audience(), null, null, internal.visibility(), true, 0, internal.facilitators(),
				internal.sessions());
		OfferingId id = catalogue.create(open, demo("facilitator", Role.FACILITATOR).personId());
		String landing = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(landing).contains("id=\"landing-events\"")
			.contains(title)
			.contains("/courses/public/" + id.value() + ".ics")
			.contains("href=\"/courses/public\"");

		catalogue.cancelOffering(id);
		landing = mvc.perform(get("/")).andReturn().getResponse().getContentAsString();
		assertThat(landing).doesNotContain(title);
		boolean anyPublic = !catalogue.page(CatalogueQuery.publicUpcoming(), 0, 1).offerings().isEmpty();
		assertThat(landing.contains("id=\"landing-events\"")).as("the section only while a public offering exists")
			.isEqualTo(anyPublic);
		assertThat(landing.contains("href=\"/courses/public\"")).isEqualTo(anyPublic);
	}

	@Test
	void badSessionsGetFieldErrorsAndNothingIsSaved() throws Exception {
		int before = catalogue.search(CatalogueQuery.upcoming()).size();
		CprUser coordinator = demo("facilitator", Role.FACILITATOR);
		mvc.perform(course("Broken", "2026-04-07", "18:00", "17:00", "0", "1").with(signedIn(coordinator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("The session must end after it starts.")))
			.andExpect(content().string(containsString("Capacity must be at least 1.")));
		mvc.perform(course("Overlapping", "2026-04-07", "17:00", "18:00", "10", "1").with(signedIn(coordinator))
			.param("sessions[1].date", "2026-04-07")
			.param("sessions[1].start", "17:30")
			.param("sessions[1].end", "19:00")
			.param("sessions[1].place", "Room 3")
			.param("sessions[1].capacity", "10")
			.param("sessions[1].weeks", "1"))
			.andExpect(content().string(containsString("This session overlaps another session of the same offering.")));
		mvc.perform(post("/courses/manage").with(csrf())
			.with(signedIn(coordinator))
			.param("title", "Nowhere")
			.param("kind", "WORKSHOP")
			.param("description", "d")
			.param("visibility", "CONFIDENTIAL")
			.param("cancellationCutoffHours", "24")
			.param("timeZone", "Mars/Olympus")
			.param("sessions[0].date", "2026-04-07")
			.param("sessions[0].start", "17:00")
			.param("sessions[0].end", "18:00")
			.param("sessions[0].capacity", "5")
			.param("sessions[0].weeks", "1"))
			.andExpect(content().string(containsString("Give a place or an online link.")))
			.andExpect(content().string(containsString("Give a time zone such as America/Denver.")));
		mvc.perform(course("Insecure", "2026-04-07", "17:00", "18:00", "10", "1").with(signedIn(coordinator))
			.param("sessions[0].onlineLink", "http://meet.example.org/x"))
			.andExpect(content().string(containsString("The online link must start with https://.")));
		mvc.perform(course("Broken", "2026-04-07", "18:00", "17:00", "0", "1").param("lang", "es")
			.with(signedIn(coordinator)))
			.andExpect(content().string(containsString("La sesión debe terminar después de empezar.")));
		assertThat(catalogue.search(CatalogueQuery.upcoming())).hasSize(before);
	}

	@Test
	void participantsCannotManageOfferings() throws Exception {
		mvc.perform(get("/courses/manage").with(signedIn(as(Role.PARTICIPANT)))).andExpect(status().isForbidden());
		mvc.perform(course("Sneaky", "2026-04-07", "17:00", "18:00", "10", "1").with(signedIn(as(Role.PARTICIPANT))))
			.andExpect(status().isForbidden());
	}

	@Test
	void aResidentRegistersOnceGetsTheIcsAndACancelledSessionKeepsItsUid() throws Exception {
		CprUser resident = demo("resident", Role.PARTICIPANT);
		OfferingId id = catalogue.create(CourseFixtures.plan("Sleep and nights", 10, 4,
				AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of(demo("facilitator", Role.FACILITATOR).personId())),
				null);
		mvc.perform(get("/courses").with(signedIn(resident)))
			.andExpect(content().string(containsString("Sleep and nights")));
		mvc.perform(post("/courses/offerings/" + id + "/register").with(csrf()).with(signedIn(resident)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(post("/courses/offerings/" + id + "/register").with(csrf()).with(signedIn(resident)))
			.andExpect(status().is3xxRedirection());
		assertThat(registrations.roster(id)).hasSize(1);
		mvc.perform(get("/courses/offerings/" + id).with(signedIn(resident))
			.flashAttr("problem", "courses.refused.ALREADY_REGISTERED"))
			.andExpect(content().string(containsString("You are already registered for this offering.")))
			.andExpect(content().string(containsString("You have a seat.")));

		Calendar ics = parse(mvc.perform(get("/courses/offerings/" + id + ".ics").with(signedIn(resident)))
			.andExpect(status().isOk())
			.andExpect(content().contentTypeCompatibleWith("text/calendar"))
			.andReturn()
			.getResponse()
			.getContentAsString());
		List<VEvent> events = ics.getComponents("VEVENT");
		assertThat(events).hasSize(4);
		assertThat(ics.getComponents("VTIMEZONE")).hasSize(1);
		assertThat(ics.validate().hasErrors()).as(ics.validate().toString()).isFalse();
		String uid = events.get(1).getUid().orElseThrow().getValue();

		Session second = catalogue.find(id).orElseThrow().sessions().get(1);
		catalogue.cancelSession(second.id());
		Calendar after = parse(mvc.perform(get("/calendar/me.ics").with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString());
		VEvent cancelled = after.<VEvent>getComponents("VEVENT")
			.stream()
			.filter(e -> e.getUid().orElseThrow().getValue().equals(uid))
			.findFirst()
			.orElseThrow();
		assertThat(cancelled.getProperty("STATUS").orElseThrow().getValue()).isEqualTo("CANCELLED");
		assertThat(cancelled.getProperty("SEQUENCE").orElseThrow().getValue()).isEqualTo("1");
		assertThat(cancelled.getProperty("DTSTART").orElseThrow().getParameter("TZID").orElseThrow().getValue())
			.isEqualTo("America/Denver");
		assertThat(after.validate().hasErrors()).isFalse();
	}

	@Test
	void theSecretFeedWorksUntilRevokedAndThenSaysSo() throws Exception {
		CprUser resident = demo("resident", Role.PARTICIPANT);
		OfferingId id = catalogue
			.create(CourseFixtures.plan("Feed test", 10, 1, AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of()), null);
		registrations.register(id, resident.personId(), Set.of());
		String page = mvc.perform(post("/calendar/feed").with(csrf()).with(signedIn(resident)))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getFlashMap()
			.get("feedUrl")
			.toString();
		assertThat(page).doesNotContain(resident.personId().toString());
		String path = page.substring(page.indexOf("/calendar/feeds/"));
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("SUMMARY:Feed test")));
		mvc.perform(post("/calendar/feed/revoke").with(csrf()).with(signedIn(resident)))
			.andExpect(status().is3xxRedirection());
		mvc.perform(get(path))
			.andExpect(status().isGone())
			.andExpect(content().string(containsString("turned off")))
			.andExpect(content().string(not(containsString("Feed test"))));
		mvc.perform(get("/calendar/feeds/not-a-real-token.ics")).andExpect(status().isNotFound());
	}

	@Test
	void qrCheckInWorksOnlyInItsWindowForItsSessionAndForSeatedPeople() throws Exception {
		CprUser facilitator = demo("facilitator", Role.FACILITATOR);
		CprUser resident = demo("resident", Role.PARTICIPANT);
		OfferingId id = catalogue.create(CourseFixtures.plan("QR course", 10, 2,
				AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of(facilitator.personId())), null);
		registrations.register(id, resident.personId(), Set.of());
		List<Session> sessions = catalogue.find(id).orElseThrow().sessions();
		clock.set(sessions.get(0).start().toInstant().plusSeconds(65));

		String screen = mvc
			.perform(get("/courses/sessions/" + sessions.get(0).id() + "/qr").with(signedIn(facilitator)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("data:image/png;base64,")))
			.andReturn()
			.getResponse()
			.getContentAsString();
		Matcher m = Pattern.compile("data-url=\"[^\"]*(/courses/check-in/[^\"]+)\"").matcher(screen);
		assertThat(m.find()).isTrue();
		String url = m.group(1);

		mvc.perform(get(url).with(signedIn(as(Role.PARTICIPANT)))).andExpect(status().isOk());
		String[] parts = url.split("/");
		mvc.perform(post("/courses/check-in").with(csrf())
			.with(signedIn(as(Role.PARTICIPANT)))
			.param("session", parts[3])
			.param("window", parts[4])
			.param("code", parts[5]))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("Ask the facilitator to add you")));
		mvc.perform(get(url.replace(sessions.get(0).id().toString(), sessions.get(1).id().toString()))
			.with(signedIn(resident))).andExpect(status().isBadRequest());
		mvc.perform(post("/courses/check-in").with(csrf())
			.with(signedIn(resident))
			.param("session", parts[3])
			.param("window", parts[4])
			.param("code", parts[5]))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("You are checked in.")));

		byte[] pdf = mvc.perform(get("/courses/offerings/" + id + "/certificate.pdf").with(signedIn(resident)))
			.andExpect(status().isOk())
			.andExpect(content().contentType("application/pdf"))
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			String text = new org.apache.pdfbox.text.PDFTextStripper().getText(doc);
			assertThat(text).contains("Certificate of attendance")
				.contains(resident.displayName())
				.contains("QR course")
				.contains("1.5 hours");
		}
		mvc.perform(get("/courses/offerings/" + id + "/certificate.pdf").with(signedIn(as(Role.PARTICIPANT))))
			.andExpect(status().isNotFound());
		mvc.perform(get("/courses/mine").with(signedIn(resident)))
			.andExpect(content().string(containsString("QR course")));

		clock.set(clock.instant().plusSeconds(31));
		mvc.perform(get(url).with(signedIn(resident)))
			.andExpect(status().isBadRequest())
			.andExpect(content().string(containsString("This code has expired.")));
		mvc.perform(get("/courses/sessions/" + sessions.get(0).id() + "/roll").with(signedIn(facilitator)))
			.andExpect(content().string(containsString(resident.displayName())))
			.andExpect(content().string(containsString("QR code")));
		clock.set(Instant.parse("2026-03-02T09:00:00Z"));
	}

	@Test
	void confidentialAttendanceShowsNamesOnlyToFacilitatorsAndSmallCountsNotAtAll() throws Exception {
		CprUser facilitator = demo("facilitator", Role.FACILITATOR);
		OfferingId id = catalogue.create(CourseFixtures.plan("Grief circle", 10, 1, AttendanceVisibility.CONFIDENTIAL,
				Set.of(facilitator.personId())), null);
		CprUser resident = demo("resident", Role.PARTICIPANT);
		registrations.register(id, resident.personId(), Set.of());
		Session s = catalogue.find(id).orElseThrow().sessions().get(0);
		clock.set(s.start().toInstant());
		mvc.perform(post("/courses/sessions/" + s.id() + "/roll").with(csrf())
			.with(signedIn(facilitator))
			.param("present", resident.personId().toString())).andExpect(status().is3xxRedirection());
		CprUser otherCoordinator = as(Role.ADMINISTRATOR);
		mvc.perform(get("/courses/manage/" + id).with(signedIn(otherCoordinator)))
			.andExpect(content().string(not(containsString(resident.displayName()))))
			.andExpect(content().string(containsString("names are visible only to this offering")))
			.andExpect(content().string(not(containsString("1 attended"))));
		mvc.perform(get("/courses/sessions/" + s.id() + "/roll").with(signedIn(otherCoordinator)))
			.andExpect(status().isForbidden());
		mvc.perform(get("/courses/manage/" + id).with(signedIn(facilitator)))
			.andExpect(content().string(containsString(resident.displayName())));
		clock.set(Instant.parse("2026-03-02T09:00:00Z"));
	}

	@Test
	void theDirectorsCoverageShowsDeliveredSessionsByCompetencyWithGatedConfidentialCounts() throws Exception {
		CprUser facilitator = demo("facilitator", Role.FACILITATOR);
		CprUser resident = demo("resident", Role.PARTICIPANT);
		var grief = library.search("Grief after a patient death", null, null, false).get(0);
		OfferingPlan base = CourseFixtures.plan("Coverage didactic", 10, 1, AttendanceVisibility.REPORTED_TO_PROGRAM,
				Set.of(facilitator.personId()));
		OfferingId reported = catalogue.create(
				new OfferingPlan(base.title(), base.kind(), base.description(), List.of(grief.id()), base.audience(),
						null, null, base.visibility(), false, 24, base.facilitators(), base.sessions()),
				null);
		OfferingId confidential = catalogue.create(CourseFixtures.plan("Coverage support group", 10, 1,
				AttendanceVisibility.CONFIDENTIAL, Set.of(facilitator.personId())), null);
		for (OfferingId id : List.of(reported, confidential)) {
			registrations.register(id, resident.personId(), Set.of());
			Session s = catalogue.find(id).orElseThrow().sessions().get(0);
			mvc.perform(post("/courses/sessions/" + s.id() + "/roll").with(csrf())
				.with(signedIn(facilitator))
				.param("present", resident.personId().toString()));
		}
		clock.set(CourseFixtures.FIRST.atZone(java.time.ZoneId.of(CourseFixtures.ZONE))
			.toInstant()
			.plusSeconds(3 * 3600));
		CprUser director = demo("director", Role.PROGRAM_DIRECTOR);
		mvc.perform(get("/courses/coverage").param("year", "2031").with(signedIn(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Coverage didactic")))
			.andExpect(content().string(containsString("Grief after a patient death")))
			.andExpect(content().string(containsString("1 attended")))
			.andExpect(content().string(containsString("Coverage support group")))
			.andExpect(content().string(containsString("fewer than 5")))
			.andExpect(content().string(not(containsString(resident.displayName()))));
		mvc.perform(get("/courses/coverage.csv").param("year", "2031").with(signedIn(director)))
			.andExpect(content().string(containsString("Coverage didactic,WORKSHOP")))
			.andExpect(content().string(containsString("PROF")));
		mvc.perform(get("/courses/coverage").with(signedIn(as(Role.PARTICIPANT)))).andExpect(status().isForbidden());
		clock.set(Instant.parse("2026-03-02T09:00:00Z"));
	}

	static Calendar parse(String text) throws Exception {
		return new CalendarBuilder().build(new StringReader(text));
	}

}
