package org.cpr.cqi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * The improvement register through its pages on the real database: an item from problem
 * to the board, workflow rules the register enforces, what a director's page leaves out.
 * Who may call which endpoint, and the form's field messages, are slice tests
 * ({@link CqiAccessTests}, {@link CqiItemFormTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class CqiRegisterWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	final CprUser facilitator = as(Role.FACILITATOR);

	UUID createItem(String title) throws Exception {
		MvcResult result = mvc
			.perform(post("/cqi/items").with(user(facilitator))
				.with(csrf())
				.param("title", title)
				.param("problemStatement", "Night float has one senior for 60 patients.")
				.param("category", "STAFFING")
				.param("unitName", "7 West")
				.param("dueOn", "2026-12-31"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		return UUID.fromString(result.getResponse().getRedirectedUrl().substring("/cqi/items/".length()));
	}

	@Test
	void facilitatorTakesAnItemFromProblemToTheBoard() throws Exception {
		UUID id = createItem("Night float cross-cover load");
		mvc.perform(post("/cqi/items/" + id + "/solutions").with(user(facilitator))
			.with(csrf())
			.param("description", "Add a second senior on weekend nights.")).andExpect(status().is3xxRedirection());
		assertThat(register.find(id).orElseThrow().status()).isEqualTo(CqiStatus.SOLUTION_PROPOSED);

		mvc.perform(post("/cqi/items/" + id + "/presentations").with(user(facilitator))
			.with(csrf())
			.param("presentedOn", "2026-11-20")
			.param("audience", "HOSPITAL_MANAGEMENT")
			.param("decision", "ACCEPTED")
			.param("followUps", "Staffing office to post the shift by January."))
			.andExpect(status().is3xxRedirection());
		ItemView accepted = register.find(id).orElseThrow();
		assertThat(accepted.status()).isEqualTo(CqiStatus.ACCEPTED);
		assertThat(accepted.presentations()).hasSize(1);

		mvc.perform(post("/cqi/items/" + id + "/publish").with(user(facilitator))
			.with(csrf())
			.param("youSaid", "Weekend nights were unsafe with one senior.")
			.param("weDid", "A second senior now covers weekend nights.")).andExpect(status().is3xxRedirection());

		mvc.perform(get("/cqi/board").with(user(as(Role.PARTICIPANT))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Weekend nights were unsafe with one senior.")))
			.andExpect(content().string(containsString("A second senior now covers weekend nights.")))
			.andExpect(content().string(not(containsString("7 West"))));
	}

	@Test
	void declinedPresentationNeedsAReasonAndKeepsWhatWasTyped() throws Exception {
		UUID id = createItem("Parking for night shifts");
		register.addSolution(id, "Reserve spaces near the ED.", facilitator.personId());
		mvc.perform(post("/cqi/items/" + id + "/presentations").with(user(facilitator))
			.with(csrf())
			.param("presentedOn", "2026-11-20")
			.param("audience", "ADMINISTRATION")
			.param("audienceNote", "Facilities committee")
			.param("decision", "DECLINED")
			.param("decisionReason", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the reason the proposal was declined")))
			.andExpect(content().string(containsString("value=\"Facilities committee\"")));
		assertThat(register.find(id).orElseThrow().status()).isEqualTo(CqiStatus.SOLUTION_PROPOSED);
	}

	@Test
	void skippingWorkflowStepsIsRefused() throws Exception {
		UUID id = createItem("EHR inbox overload");
		mvc.perform(post("/cqi/items/" + id + "/status").with(user(facilitator)).with(csrf()).param("target", "CLOSED"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("That step is not allowed")));
		assertThat(register.find(id).orElseThrow().status()).isEqualTo(CqiStatus.IDENTIFIED);
	}

	@Test
	void scriptPayloadsInATitleAreShownAsText() throws Exception {
		UUID id = createItem("<script>alert(1)</script><img src=x onerror=alert(2)>");
		mvc.perform(get("/cqi/items/" + id).with(user(facilitator)))
			.andExpect(content().string(not(containsString("<script>alert(1)</script>"))))
			.andExpect(content().string(containsString("&lt;script&gt;alert(1)&lt;/script&gt;")));
	}

	@Test
	void aProgramDirectorReadsAnItemWithoutItsEditingForms() throws Exception {
		UUID id = createItem("Call room cleanliness");
		CprUser director = as(Role.PROGRAM_DIRECTOR);
		mvc.perform(get("/cqi/items/" + id).with(user(director)))
			.andExpect(status().isOk())
			.andExpect(content().string(not(containsString("id=\"add-solution\""))));
		// the same page for a facilitator has the form: the absence above can fail
		mvc.perform(get("/cqi/items/" + id).with(user(facilitator)))
			.andExpect(content().string(containsString("id=\"add-solution\"")));
	}

}
