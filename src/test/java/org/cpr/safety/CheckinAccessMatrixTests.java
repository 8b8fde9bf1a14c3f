package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.safety.CheckinFixtures.checkin;
import static org.cpr.safety.CheckinFixtures.handle;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.List;
import java.util.UUID;
import java.util.function.Function;

import org.cpr.shared.Role;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * T7 for the counselor side: every role against every inbox and check-in endpoint, with a
 * real check-in's id, a real alert's id and random ids. Only resilience clinicians get
 * in, and they get 404 for ids that do not exist.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CheckinAccessMatrixTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	UUID submission;

	UUID alert;

	@BeforeEach
	void aCheckin() throws Exception {
		String handle = handle();
		mvc.perform(checkin(handle, 2, 1, 2, false, 3)).andExpect(status().isOk());
		submission = jdbc.sql(
				"SELECT id FROM checkin_submission WHERE account_id = (SELECT id FROM checkin_account WHERE handle_hash = ?)")
			.param(CheckinWebTests.hash(handle))
			.query(UUID.class)
			.single();
		alert = jdbc.sql("SELECT alert_id FROM checkin_submission WHERE id = ?")
			.param(submission)
			.query(UUID.class)
			.single();
	}

	List<Function<UUID, MockHttpServletRequestBuilder>> checkinEndpoints() {
		return List.of(id -> get("/clinician/checkins/" + id),
				id -> post("/clinician/checkins/" + id + "/acknowledge").with(csrf()),
				id -> post("/clinician/checkins/" + id + "/reply").param("body", "hello").with(csrf()));
	}

	List<Function<UUID, MockHttpServletRequestBuilder>> alertEndpoints() {
		return List.of(id -> get("/clinician/alerts/" + id),
				id -> post("/clinician/alerts/" + id + "/acknowledge").with(csrf()),
				id -> post("/clinician/alerts/" + id + "/disposition").param("disposition", "REFERRED")
					.param("risk", "LOW")
					.with(csrf()));
	}

	@Test
	void everyOtherRoleIsRefusedEverywhere() throws Exception {
		for (Role role : Role.values()) {
			if (role == Role.RESILIENCE_CLINICIAN) {
				continue;
			}
			var user = signedIn(as(role));
			mvc.perform(get("/clinician/alerts").with(user)).andExpect(status().isForbidden());
			for (UUID id : List.of(submission, alert, UUID.randomUUID())) {
				for (var endpoint : checkinEndpoints()) {
					mvc.perform(endpoint.apply(id).with(user)).andExpect(status().isForbidden());
				}
				for (var endpoint : alertEndpoints()) {
					mvc.perform(endpoint.apply(id).with(user)).andExpect(status().isForbidden());
				}
			}
		}
	}

	@Test
	void anonymousVisitorsAreSentToSignIn() throws Exception {
		for (var endpoint : checkinEndpoints()) {
			assertThat(mvc.perform(endpoint.apply(submission))
				.andExpect(status().is3xxRedirection())
				.andReturn()
				.getResponse()
				.getRedirectedUrl()).endsWith("/login");
		}
		assertThat(mvc.perform(get("/clinician/alerts"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl()).endsWith("/login");
	}

	@Test
	void guessedOrMismatchedIdsAreNotFoundForTheClinician() throws Exception {
		var clinician = signedIn(as(Role.RESILIENCE_CLINICIAN));
		for (UUID id : List.of(UUID.randomUUID(), alert)) {
			for (var endpoint : checkinEndpoints()) {
				mvc.perform(endpoint.apply(id).with(clinician)).andExpect(status().isNotFound());
			}
		}
		for (var endpoint : alertEndpoints()) {
			mvc.perform(endpoint.apply(submission).with(clinician)).andExpect(status().isNotFound());
		}
		mvc.perform(get("/clinician/checkins/" + submission).with(clinician)).andExpect(status().isOk());
		mvc.perform(get("/clinician/checkins/not-a-uuid").with(clinician)).andExpect(status().is4xxClientError());
	}

	@Test
	void theAnonymousSideHasNoIdToGuess() throws Exception {
		mvc.perform(post("/checkin/thread").with(csrf()).param("token", submission.toString()))
			.andExpect(status().isOk())
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("enter your handle and passphrase again")));
		mvc.perform(
				post("/checkin/reveal").with(csrf()).param("token", "v1:AAAA").param("name", "x").param("contact", "y"))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.content()
				.string(org.hamcrest.Matchers.containsString("enter your handle and passphrase again")));
	}

}
