package org.cpr.survey;

import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.never;
import static org.mockito.Mockito.verify;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The facilitator's campaign form when something is wrong: 422, each problem at its
 * field, what was typed kept, no campaign created. That an unknown org unit is refused is
 * the module's answer from stored data: {@link CampaignInputValidationTests}.
 */
@SurveyWebSlice
class CampaignFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	SurveyCampaigns campaigns;

	@Test
	void campaignFormShowsFieldErrorsAndKeepsWhatWasTyped() throws Exception {
		mvc.perform(post("/surveys/campaigns").with(signedIn(as(Role.FACILITATOR)))
			.with(csrf())
			.param("title", "")
			.param("description", "Keep me")
			.param("questionnaire", "nope:9")
			.param("privacyMode", "ANONYMOUS")
			.param("minRespondents", "3")
			.param("minComments", "10")
			.param("schedule", "MONTHLY")
			.param("opensOn", "2026-12-01")
			.param("windowDays", "14"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Give the campaign a title.")))
			.andExpect(content().string(containsString("At least 5: groups smaller than 5 never get results.")))
			.andExpect(content().string(containsString("Choose a published questionnaire.")))
			.andExpect(content().string(containsString("Recurring schedules need an end date.")))
			.andExpect(content().string(containsString("Keep me")));
		verify(campaigns, never()).create(any(), any());
	}

	/**
	 * Text in a number field (issue #17): the form again with a message at the field and
	 * the other fields kept, not a bare 400 (before the platform's form binder, the form
	 * record reached the controller without a binding target).
	 */
	@Test
	void textInANumberFieldIsAFieldMessageNotAServerError() throws Exception {
		mvc.perform(post("/surveys/campaigns").with(signedIn(as(Role.FACILITATOR)))
			.with(csrf())
			.param("title", "Pulse")
			.param("minRespondents", "five"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("Enter a whole number, e.g. 30.")))
			.andExpect(content().string(containsString("value=\"Pulse\"")));
		verify(campaigns, never()).create(any(), any());
	}

}
