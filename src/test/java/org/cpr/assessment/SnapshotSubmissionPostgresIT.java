package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import java.util.Map;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/** Submission, replay and results on the real PostgreSQL schema (Flyway migrations). */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class SnapshotSubmissionPostgresIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void aSnapshotIsStoredOnceAndItsResultsShow() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		SnapshotDriver d = new SnapshotDriver(mvc, resident);
		MvcResult first = d.takeAll("2", "0", "3");
		UUID id = SnapshotWebTests.submissionId(first);
		MvcResult replay = mvc.perform(d.request(SnapshotDriver.LAST, Map.of(), "skip")).andReturn();
		assertThat(replay.getResponse().getRedirectedUrl()).isEqualTo(first.getResponse().getRedirectedUrl());
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assessment_submission WHERE person_id = ?", Integer.class,
				resident.personId().value()))
			.isEqualTo(1);
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assessment_result WHERE submission_id = ?", Integer.class,
				id))
			.as("brs, who-5, burnout, phq-2 + phq-9 follow-up, gad-2")
			.isEqualTo(6);
		String page = mvc.perform(get("/snapshot/results/" + id).with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("burnout symptoms").contains("PHQ-9").contains("trend-table");
	}

}
