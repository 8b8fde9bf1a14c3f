package org.cpr.questionnaire;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The builder's draft storage on PostgreSQL: drafts rewritten in place, published
 * versions kept, "mine" filtered.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class QuestionnaireBuilderPostgresIT {

	@Autowired
	MockMvc mvc;

	@Autowired
	QuestionnaireLibrary library;

	@Test
	void draftsArePublishedOnceAndEditedAsTheNextVersion() throws Exception {
		CprUser me = as(Role.FACILITATOR);
		String id = "pg-" + UUID.randomUUID().toString().substring(0, 8);
		mvc.perform(post("/questionnaires/builder").with(signedIn(me))
			.with(csrf())
			.param("id", id)
			.param("title", "Postgres pulse")).andExpect(status().is3xxRedirection());
		UUID v1 = library.versions(id).get(0).id();
		mvc.perform(post("/questionnaires/builder/versions/" + v1).with(signedIn(me))
			.with(csrf())
			.param("action", "publish")
			.param("title", "Postgres pulse")
			.param("items[0].origin", "")
			.param("items[0].linkId", "1")
			.param("items[0].type", "boolean")
			.param("items[0].text", "Slept enough?")
			.param("items[0].depth", "0")).andExpect(status().is3xxRedirection());
		String published = library.fhirJson(v1);
		mvc.perform(post("/questionnaires/builder/versions/" + v1).with(signedIn(me))
			.with(csrf())
			.param("action", "save")
			.param("title", "Postgres pulse")
			.param("items[0].origin", "1")
			.param("items[0].linkId", "1")
			.param("items[0].type", "boolean")
			.param("items[0].text", "Slept well?")
			.param("items[0].depth", "0")).andExpect(status().is3xxRedirection());
		assertThat(library.fhirJson(v1)).isEqualTo(published);
		assertThat(library.versions(id)).extracting(QuestionnaireVersion::published).containsExactly(true, false);
		assertThat(library.fhirJson(library.versions(id).get(1).id())).contains("Slept well?");

		mvc.perform(get("/questionnaires/builder").param("scope", "mine").with(signedIn(me)))
			.andExpect(content().string(containsString("Postgres pulse")));
		mvc.perform(get("/questionnaires/builder").param("scope", "mine").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(content().string(not(containsString("Postgres pulse"))));
	}

}
