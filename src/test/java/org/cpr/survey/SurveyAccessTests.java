package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.Endpoint.EVERYONE;
import static org.cpr.support.Endpoint.json;
import static org.cpr.support.Endpoint.read;
import static org.cpr.support.Endpoint.write;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.questionnaire.QuestionnaireLibrary;

import org.cpr.shared.Role;
import org.cpr.support.AccessMatrix;
import org.cpr.support.Endpoint;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpMethod;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Role × endpoint for every survey page and API call: only facilitators and system
 * administrators manage campaigns; facilitators, system administrators, administrators
 * and program directors read reports; everyone signed in answers. A refused role is
 * turned away before the module is asked anything. What a permitted reader then sees (the
 * disclosure gate, suppressed cells) depends on stored answers:
 * {@link WaveReportDisclosureTests}, {@link SurveyPagesTests}.
 */
@SurveyWebSlice
class SurveyAccessTests {

	static final Set<Role> MANAGERS = EnumSet.of(Role.FACILITATOR, Role.SYSTEM_ADMIN);

	static final Set<Role> REPORT_READERS = EnumSet.of(Role.FACILITATOR, Role.SYSTEM_ADMIN, Role.ADMINISTRATOR,
			Role.PROGRAM_DIRECTOR);

	static final UUID CAMPAIGN = UUID.randomUUID();

	static final UUID WAVE = UUID.randomUUID();

	static List<Endpoint> endpoints() {
		String campaign = "/surveys/campaigns/" + CAMPAIGN;
		String wave = "/surveys/waves/" + WAVE;
		String api = "/api/v1/surveys";
		return List.of(read("/surveys/campaigns", MANAGERS), read("/surveys/campaigns/new", MANAGERS),
				write("/surveys/campaigns", MANAGERS, "title", "x"), read(campaign, MANAGERS),
				write(campaign + "/launch", MANAGERS), write(wave + "/remind", MANAGERS),
				json(HttpMethod.POST, api + "/campaigns", MANAGERS,
						"{\"title\":\"Pulse\",\"questionnaireId\":\"phq-2\",\"privacyMode\":\"ANONYMOUS\"}"),
				json(HttpMethod.POST, api + "/campaigns/" + CAMPAIGN + "/roster", MANAGERS,
						"{\"personId\":\"" + UUID.randomUUID() + "\"}"),
				json(HttpMethod.POST, api + "/campaigns/" + CAMPAIGN + "/waves", MANAGERS, "{\"label\":\"w\"}"),
				json(HttpMethod.PUT, api + "/campaigns/" + CAMPAIGN + "/privacy", MANAGERS,
						"{\"privacyMode\":\"CONFIDENTIAL\"}"),
				write(api + "/campaigns/" + CAMPAIGN + "/launch", MANAGERS),
				write(api + "/waves/" + WAVE + "/invitations", MANAGERS),
				write(api + "/waves/" + WAVE + "/reminders", MANAGERS), read(wave + "/report", REPORT_READERS),
				read(wave + "/report.csv", REPORT_READERS), read(api + "/waves/" + WAVE + "/report", REPORT_READERS),
				read(api + "/waves/" + WAVE + "/response-rate", REPORT_READERS), read("/surveys", EVERYONE),
				read(api + "/waves/" + WAVE + "/responses/mine", EVERYONE),
				read(api + "/waves/" + WAVE + "/draft", EVERYONE));
	}

	@Autowired
	MockMvc mvc;

	@Autowired
	SurveyCampaigns campaigns;

	@Autowired
	SurveyResponses responses;

	@Autowired
	SurveyReports reports;

	@Autowired
	QuestionnaireLibrary library;

	@Test
	void everyRoleOutsideAnEndpointsRuleIsRefusedBeforeTheModuleIsAsked() throws Exception {
		// 13 endpoints for managers only (11 roles refused each), 4 for report readers (9
		// each)
		assertThat(matrix().refusesEveryRoleOutsideTheRules()).isEqualTo(13 * 11 + 4 * 9);
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
		return new AccessMatrix(mvc, endpoints(), campaigns, responses, reports, library);
	}

}
