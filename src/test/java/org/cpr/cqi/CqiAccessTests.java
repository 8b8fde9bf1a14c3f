package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.Endpoint.EVERYONE;
import static org.cpr.support.Endpoint.read;
import static org.cpr.support.Endpoint.write;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.Role;
import org.cpr.support.AccessMatrix;
import org.cpr.support.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Role × endpoint for every CQI page and API call: each role outside an endpoint's rule
 * is refused with 403 before the module is asked anything, each role inside it gets
 * through the filter chain and method security. Whether a permitted role then sees only
 * what it may (released text, never an original report) depends on stored data:
 * {@link CqiDirectorAccessTests}.
 */
@CqiWebSlice
class CqiAccessTests {

	static final Set<Role> REGISTER_READERS = EnumSet.of(Role.FACILITATOR, Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR);

	static final Set<Role> FACILITATORS = EnumSet.of(Role.FACILITATOR);

	static final Set<Role> REPORT_REVIEWERS = EnumSet.of(Role.FACILITATOR, Role.CONDUCT_OFFICER);

	static final UUID ID = UUID.randomUUID();

	static final UUID QUOTE = UUID.randomUUID();

	static List<Endpoint> endpoints() {
		String item = "/cqi/items/" + ID;
		String report = "/cqi/reports/" + ID;
		return List.of(read("/cqi/items", REGISTER_READERS), read(item, REGISTER_READERS),
				read("/cqi/items.csv", REGISTER_READERS), read("/cqi/report", REGISTER_READERS),
				read("/cqi/report.pdf", REGISTER_READERS), read("/cqi/released", REGISTER_READERS),
				read("/api/v1/cqi/items", REGISTER_READERS), read("/api/v1/cqi/items/" + ID, REGISTER_READERS),
				read("/cqi/items/new", FACILITATORS), write("/cqi/items", FACILITATORS, "title", "x"),
				read(item + "/edit", FACILITATORS), write(item, FACILITATORS, "title", "x"),
				write(item + "/solutions", FACILITATORS, "description", "x"),
				write(item + "/presentations", FACILITATORS, "decision", "ACCEPTED"),
				write(item + "/status", FACILITATORS, "target", "CLOSED"),
				write(item + "/publish", FACILITATORS, "youSaid", "x"),
				write(item + "/evidence/counts", FACILITATORS, "category", "WORKFLOW"),
				write(item + "/evidence/quotes", FACILITATORS, "text", "x"),
				write(item + "/evidence/quotes/" + QUOTE + "/release", FACILITATORS),
				write(item + "/evidence/quotes/" + QUOTE + "/withdraw", FACILITATORS),
				write(item + "/remeasure", FACILITATORS, "label", "x", "after", "y"),
				read("/cqi/reports", REPORT_REVIEWERS), read(report, REPORT_REVIEWERS),
				write(report + "/reply", REPORT_REVIEWERS, "body", "x"),
				write(report + "/release", REPORT_REVIEWERS, "redacted", "x"), read("/cqi/board", EVERYONE),
				read("/api/v1/cqi/board", EVERYONE), read("/cqi/confidential-report", EVERYONE));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	@Autowired
	CqiEvidence evidence;

	@Autowired
	Remeasurements remeasurements;

	@Autowired
	SpeakUpChannel channel;

	@Autowired
	CqiReports reports;

	@Test
	void everyRoleOutsideAnEndpointsRuleIsRefusedBeforeTheModuleIsAsked() throws Exception {
		// 8 register-reading endpoints (10 roles refused each), 13 facilitator-only (12
		// each), 4 review (11 each)
		assertThat(matrix().refusesEveryRoleOutsideTheRules()).isEqualTo(8 * 10 + 13 * 12 + 4 * 11);
	}

	@Test
	void everyRoleInsideAnEndpointsRuleGetsPastSecurity() throws Exception {
		matrix().letsEveryRoleInsideTheRulesPastSecurity();
	}

	@Test
	void nobodySignedOutReachesAnyOfThem() throws Exception {
		matrix().turnsAwayEveryoneSignedOut();
	}

	@Test
	void aFormPostWithoutTheCsrfTokenIsRefusedEvenForAFacilitator() throws Exception {
		matrix().refusesFormPostsWithoutTheCsrfToken(Role.FACILITATOR);
	}

	private AccessMatrix matrix() {
		return new AccessMatrix(mvc, endpoints(), register, evidence, remeasurements, channel, reports);
	}

}
