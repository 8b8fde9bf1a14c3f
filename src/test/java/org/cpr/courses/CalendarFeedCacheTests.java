package org.cpr.courses;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDateTime;
import java.util.Set;
import java.util.UUID;

import org.cpr.calendar.Calendars;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.test.web.servlet.MockMvc;

/**
 * A calendar app polling an unchanged feed gets 304; any change of the person's sessions
 * shows at the next poll.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class CalendarFeedCacheTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	CourseCatalogue catalogue;

	@Autowired
	Registrations registrations;

	@Autowired
	Calendars calendars;

	MockHttpServletResponse poll(String token, String etag) throws Exception {
		var request = get("/calendar/feeds/" + token + ".ics");
		return mvc.perform(etag == null ? request : request.header("If-None-Match", etag)).andReturn().getResponse();
	}

	@Test
	void anUnchangedFeedIsNotModifiedAndEveryChangeShowsAtTheNextPoll() throws Exception {
		PersonId person = new PersonId(UUID.randomUUID());
		OfferingId course = catalogue.create(
				CourseFixtures.plan("Feed cache course", 20, 2, AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of()),
				null);
		registrations.register(course, person, Set.of(Role.PARTICIPANT));
		String token = calendars.issueFeed(person).token();

		MockHttpServletResponse first = poll(token, null);
		assertThat(first.getStatus()).isEqualTo(200);
		String etag = first.getHeader("ETag");
		assertThat(etag).isNotBlank();
		assertThat(first.getContentAsString()).contains("Feed cache course").doesNotContain("STATUS:CANCELLED");
		MockHttpServletResponse again = poll(token, etag);
		assertThat(again.getStatus()).isEqualTo(304);
		assertThat(again.getContentAsString()).isEmpty();
		assertThat(poll(token, null).getContentAsString()).as("served again in full without If-None-Match")
			.contains("Feed cache course");

		Session second = catalogue.find(course).orElseThrow().sessions().get(1);
		catalogue.cancelSession(second.id());
		MockHttpServletResponse afterCancel = poll(token, etag);
		assertThat(afterCancel.getStatus()).isEqualTo(200);
		assertThat(afterCancel.getContentAsString()).contains("STATUS:CANCELLED");
		String cancelledTag = afterCancel.getHeader("ETag");
		assertThat(cancelledTag).isNotEqualTo(etag);

		OfferingId other = catalogue.create(
				CourseFixtures.plan("Feed cache retreat", 20, 1, AttendanceVisibility.REPORTED_TO_PROGRAM, Set.of()),
				null);
		registrations.register(other, person, Set.of(Role.PARTICIPANT));
		MockHttpServletResponse afterRegistering = poll(token, cancelledTag);
		assertThat(afterRegistering.getStatus()).isEqualTo(200);
		assertThat(afterRegistering.getContentAsString()).contains("Feed cache retreat");

		catalogue.reschedule(catalogue.find(other).orElseThrow().sessions().get(0).id(),
				new SessionPlan(LocalDateTime.of(2031, 10, 1, 9, 0), LocalDateTime.of(2031, 10, 1, 12, 0),
						CourseFixtures.ZONE, "Mountain lodge", null, 20));
		assertThat(poll(token, afterRegistering.getHeader("ETag")).getContentAsString()).contains("Mountain lodge");

		registrations.cancel(other, person, true);
		assertThat(poll(token, null).getContentAsString()).doesNotContain("Feed cache retreat");

		calendars.revokeFeed(person);
		mvc.perform(get("/calendar/feeds/" + token + ".ics").header("If-None-Match", etag))
			.andExpect(status().isGone());
	}

}
