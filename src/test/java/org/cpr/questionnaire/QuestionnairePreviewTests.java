package org.cpr.questionnaire;

import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class QuestionnairePreviewTests {

	@Autowired
	MockMvc mvc;

	@Test
	void facilitatorsPreviewWithCriticalOptionsMarkedAndTheCrisisPanelInThePage() throws Exception {
		mvc.perform(get("/questionnaires/phq-9/preview").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"a_9_1\"\\s+data-critical=\"true\".*")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"a_9_0\"\\s*>.*")))
			.andExpect(content().string(containsString("id=\"crisis-panel\"")))
			.andExpect(content().string(containsString("/js/crisis-panel.js")));
		mvc.perform(get("/questionnaires/asq/preview").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(content()
				.string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"a_1_0\"\\s+data-critical=\"true\".*")));
		mvc.perform(get("/questionnaires/phq-9/preview").with(signedIn(as(Role.PARTICIPANT))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/questionnaires/nope/preview").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(status().isNotFound());
	}

	@Test
	void checkingScoresOnTheServerAndKeepsAnswersWhenSomeAreMissing() throws Exception {
		mvc.perform(post("/questionnaires/gad-2/preview").with(signedIn(as(Role.FACILITATOR)))
			.with(csrf())
			.param("a_1", "3"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This question needs an answer")))
			.andExpect(content().string(org.hamcrest.Matchers.matchesPattern("(?s).*id=\"a_1_3\"\\s+checked.*")))
			.andExpect(content().string(not(containsString("id=\"preview-result\""))));
		mvc.perform(post("/questionnaires/gad-2/preview").with(signedIn(as(Role.FACILITATOR)))
			.with(csrf())
			.param("a_1", "3")
			.param("a_2", "1"))
			.andExpect(content().string(containsString("id=\"preview-result\"")))
			.andExpect(content().string(containsString("positive")));
	}

}
