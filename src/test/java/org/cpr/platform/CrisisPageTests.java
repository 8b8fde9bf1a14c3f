package org.cpr.platform;

import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The crisis page's on-call line comes from settings: {@code application-test.yml} sets
 * one unlike {@code application.yml}'s demo line.
 */
@SpringBootTest
@AutoConfigureMockMvc
class CrisisPageTests {

	@Autowired
	MockMvc mvc;

	@Test
	void crisisPageIsPublicAndShowsNationalLinesAndTheInstitutionsOwnNumber() throws Exception {
		mvc.perform(get("/crisis"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("988 Suicide &amp; Crisis Lifeline")))
			.andExpect(content().string(containsString("1-888-409-0141")))
			.andExpect(content().string(containsString("Campus counselor on call")))
			.andExpect(content().string(containsString("tel:303-555-0100")));
	}

	@Test
	void crisisPageInSpanish() throws Exception {
		mvc.perform(get("/crisis").param("lang", "es"))
			.andExpect(content().string(containsString("Recursos de crisis")))
			.andExpect(content().string(containsString("Llame o envíe un mensaje de texto al 988")));
	}

}
