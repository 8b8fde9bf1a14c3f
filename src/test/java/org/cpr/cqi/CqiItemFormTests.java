package org.cpr.cqi;

import static org.cpr.support.TestUsers.as;
import static org.hamcrest.Matchers.containsString;
import static org.mockito.Mockito.verifyNoInteractions;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import jakarta.servlet.http.Cookie;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The new-item form as a facilitator meets it when something is wrong: every problem at
 * its field in the reader's words, what was typed kept, nothing stored.
 */
@CqiWebSlice
class CqiItemFormTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	ImprovementRegister register;

	final CprUser facilitator = as(Role.FACILITATOR);

	@Test
	void emptyFormShowsFieldErrorsAndKeepsInput() throws Exception {
		mvc.perform(post("/cqi/items").with(user(facilitator))
			.with(csrf())
			.param("title", "")
			.param("problemStatement", "Kept text")
			.param("category", ""))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Give the item a short title")))
			.andExpect(content().string(containsString("Choose a category")))
			.andExpect(content().string(containsString("Kept text")));
		verifyNoInteractions(register);
	}

	@Test
	void hugeTextIsRefusedAtItsFieldNotStored() throws Exception {
		mvc.perform(post("/cqi/items").with(user(facilitator))
			.with(csrf())
			.param("title", "Big")
			.param("problemStatement", "x".repeat(1_000_000))
			.param("category", "OTHER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("This text is too long")))
			.andExpect(content().string(containsString("value=\"Big\"")));
		verifyNoInteractions(register);
	}

	@Test
	void aSpanishReaderReadsTheFieldMessageInSpanish() throws Exception {
		mvc.perform(post("/cqi/items").with(user(facilitator))
			.with(csrf())
			.cookie(new Cookie("CPRLANG", "es"))
			.param("title", "")
			.param("problemStatement", "x")
			.param("category", "OTHER"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Dé un título breve al elemento.")));
		verifyNoInteractions(register);
	}

}
