package org.cpr.courses;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class CoursesApiTests {

	static final String PARTICIPANT = "Bearer cpr_demo_participant_4f7d2c9a1b6e8035";
	static final String FACILITATOR = "Bearer cpr_demo_facilitator_c81b4e6d0a2f9357";

	@Autowired
	MockMvc mvc;

	static String offering(String start, String end, int capacity) {
		return offering("Mindful minutes", start, end, capacity);
	}

	static String offering(String title, String start, String end, int capacity) {
		return """
				{"title":"%s","kind":"WORKSHOP","description":"Brief practices between patients.",
				 "attendanceVisibility":"CONFIDENTIAL","cancellationCutoffHours":12,
				 "sessions":[{"start":"%s","end":"%s","timeZone":"America/Denver","place":"Chapel","capacity":%d}]}
				""".formatted(title, start, end, capacity);
	}

	@Test
	void badPlansAreProblemDetailsNamingEveryFieldAndSaveNothing() throws Exception {
		mvc.perform(post("/api/v1/offerings").header("Authorization", FACILITATOR)
			.contentType(MediaType.APPLICATION_JSON)
			.content(offering("Broken minutes", "2031-10-01T12:00", "2031-10-01T11:00", 0)))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.errors[*].field", hasItem("sessions[0].end")))
			.andExpect(jsonPath("$.errors[*].field", hasItem("sessions[0].capacity")))
			.andExpect(jsonPath("$.errors[*].message", hasItem("The session must end after it starts.")));
		mvc.perform(get("/api/v1/offerings").header("Authorization", PARTICIPANT))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("Broken minutes"))));
		mvc.perform(get("/api/v1/offerings").param("kind", "ASTROLOGY").header("Authorization", PARTICIPANT))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(get("/api/v1/offerings/00000000-0000-0000-0000-000000000000").header("Authorization", PARTICIPANT))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(post("/api/v1/offerings").header("Authorization", PARTICIPANT)
			.contentType(MediaType.APPLICATION_JSON)
			.content(offering("2031-10-01T12:00", "2031-10-01T13:00", 5))).andExpect(status().isForbidden());
	}

	@Test
	void aScheduleIsReadAndRegisteringTwiceIsAConflict() throws Exception {
		String created = mvc
			.perform(post("/api/v1/offerings").header("Authorization", FACILITATOR)
				.contentType(MediaType.APPLICATION_JSON)
				.content(offering("2031-10-02T12:00", "2031-10-02T13:00", 8)))
			.andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.sessions[0].timeZone").value("America/Denver"))
			.andExpect(jsonPath("$.sessions[0].start").value("2031-10-02T12:00:00-06:00"))
			.andReturn()
			.getResponse()
			.getContentAsString();
		String id = JsonPath.read(created, "$.id");
		mvc.perform(get("/api/v1/offerings").param("kind", "WORKSHOP").header("Authorization", PARTICIPANT))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[*].id", hasItem(id)));
		String body = "{\"offeringId\":\"" + id + "\"}";
		mvc.perform(post("/api/v1/registrations").header("Authorization", PARTICIPANT)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body)).andExpect(status().isCreated()).andExpect(jsonPath("$.status").value("SEATED"));
		mvc.perform(post("/api/v1/registrations").header("Authorization", PARTICIPANT)
			.contentType(MediaType.APPLICATION_JSON)
			.content(body))
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("ALREADY_REGISTERED"))
			.andExpect(jsonPath("$.detail").value("You are already registered for this offering."));
		mvc.perform(get("/api/v1/registrations").header("Authorization", PARTICIPANT))
			.andExpect(jsonPath("$[*].offeringId", hasItem(id)));
		mvc.perform(get("/api/v1/calendar/offerings/" + id + ".ics").header("Authorization", PARTICIPANT))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("BEGIN:VTIMEZONE")))
			.andExpect(content().string(containsString("TZID=America/Denver")));
		mvc.perform(delete("/api/v1/registrations/" + id).header("Authorization", PARTICIPANT))
			.andExpect(status().isNoContent());
		mvc.perform(delete("/api/v1/registrations/" + id).header("Authorization", PARTICIPANT))
			.andExpect(status().isNotFound());
	}

	@Test
	void theFeedUrlFromTheApiStopsWorkingWhenRevoked() throws Exception {
		String url = JsonPath.read(mvc.perform(post("/api/v1/calendar/feed").header("Authorization", PARTICIPANT))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString(), "$.url");
		String path = url.substring(url.indexOf("/calendar/feeds/"));
		mvc.perform(get(path))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("BEGIN:VCALENDAR")));
		mvc.perform(delete("/api/v1/calendar/feed").header("Authorization", PARTICIPANT))
			.andExpect(status().isNoContent());
		mvc.perform(get(path)).andExpect(status().isGone());
	}

	@Test
	void theApiIsDocumented() throws Exception {
		mvc.perform(get("/api/docs"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/api/v1/offerings")))
			.andExpect(content().string(containsString("/api/v1/registrations")))
			.andExpect(content().string(containsString("/api/v1/calendar/offerings/{id}.ics")))
			.andExpect(content().string(containsString("/api/v1/calendar/feed")));
	}

}
