package org.cpr.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

@SpringBootTest
@AutoConfigureMockMvc
class DirectoryTests {

	static final String TOKEN = "Bearer cpr_demo_participant_4f7d2c9a1b6e8035";

	@Autowired
	ServiceDirectory directory;

	@Autowired
	MockMvc mvc;

	List<String> names(String text) {
		return directory.search(new ServiceQuery(text, null, null, null, false, false, false))
			.stream()
			.map(ServiceEntry::name)
			.toList();
	}

	@Test
	void theDemoCampusListsAtLeastSixtyServices() {
		assertThat(directory.everything()).hasSizeGreaterThanOrEqualTo(60);
	}

	@Test
	void searchToleratesTyposSpellingsAndSpanish() {
		assertThat(names("counseling")).contains("Resident and Fellow Counseling Service");
		assertThat(names("counselling")).contains("Resident and Fellow Counseling Service");
		assertThat(names("cousneling")).contains("Resident and Fellow Counseling Service");
		assertThat(names("consejería")).contains("Resident and Fellow Counseling Service");
		assertThat(names("childcare backup")).first().isEqualTo("Backup Childcare");
		assertThat(names("xyzzyq")).isEmpty();
	}

	@Test
	void filtersCombine() {
		var results = directory.search(
				new ServiceQuery(null, TraineeType.RESIDENT, null, Confidentiality.CONFIDENTIAL, false, true, false));
		assertThat(results).extracting(ServiceEntry::name)
			.contains("Resident and Fellow Counseling Service")
			.doesNotContain("Student Mental Health Service", "988 Suicide & Crisis Lifeline");
		assertThat(results.get(0).category()).as("without search words, crisis help comes first")
			.isEqualTo(ServiceCategory.CRISIS);
		assertThat(results).allMatch(e -> e.afterHours() && e.confidentiality() == Confidentiality.CONFIDENTIAL
				&& e.audiences().contains(TraineeType.RESIDENT));
	}

	@Test
	void aPgy1FindsConfidentialAfterHoursHelpInThreeInteractionsWithoutSigningIn() throws Exception {
		mvc.perform(get("/directory").param("audience", "RESIDENT")
			.param("confidentiality", "CONFIDENTIAL")
			.param("afterHours", "true"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Resident and Fellow Counseling Service")))
			.andExpect(content().string(not(containsString("Student Mental Health Service"))));
	}

	@Test
	void servicesCanAlsoBeMeantForRolesAndSayWhoIsTold() throws Exception {
		var peers = directory
			.search(new ServiceQuery("Resident Peer Support Network", null, null, null, false, false, false))
			.get(0);
		assertThat(peers.audienceRoles()).contains(Role.PEER_SUPPORTER);
		mvc.perform(get("/directory/services/" + peers.id()))
			.andExpect(content().string(containsString("Peer supporter")));
		var fitness = directory
			.search(new ServiceQuery("Fitness-for-Duty Evaluation", null, null, null, false, false, false))
			.get(0);
		mvc.perform(get("/directory/services/" + fitness.id()))
			.andExpect(content().string(containsString("someone else is told")))
			.andExpect(content().string(containsString("your program director")));
	}

	@Test
	void htmxGetsOnlyTheResults() throws Exception {
		mvc.perform(get("/directory").param("q", "sleep").header("HX-Request", "true"))
			.andExpect(content().string(containsString("Sleep Recovery Rooms")))
			.andExpect(content().string(not(containsString("<html"))));
	}

	@Test
	void publicPagesNeedNoSignIn() throws Exception {
		var id = directory.search(ServiceQuery.all()).get(0).id();
		mvc.perform(get("/directory/services/" + id))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Who will know you used it")));
		mvc.perform(get("/directory/services/not-an-id")).andExpect(status().isNotFound());
		mvc.perform(get("/"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("988 Suicide &amp; Crisis Lifeline")))
			.andExpect(content().string(containsString("What the program offers")));
		mvc.perform(get("/privacy"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fewer than 5 responses")));
	}

	@Test
	void apiSearchesAndExplainsBadFilters() throws Exception {
		mvc.perform(get("/api/v1/directory").param("q", "chaplain").header("Authorization", TOKEN))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[0].name").value("Chaplaincy and Spiritual Care"));
		mvc.perform(get("/api/v1/directory").param("category", "ASTROLOGY").header("Authorization", TOKEN))
			.andExpect(status().isBadRequest())
			.andExpect(content().contentType("application/problem+json"));
		mvc.perform(get("/api/v1/directory/00000000-0000-0000-0000-000000000000").header("Authorization", TOKEN))
			.andExpect(status().isNotFound())
			.andExpect(content().contentType("application/problem+json"));
	}

	@Test
	void aRetiredServiceKeepsItsLinkAndPointsToAlternatives() throws Exception {
		var entry = directory.search(new ServiceQuery("Yoga at Noon", null, null, null, false, false, false)).get(0);
		directory.retire(entry.id(), null);
		mvc.perform(get("/directory/services/" + entry.id()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("no longer offered")))
			.andExpect(content().string(containsString("/directory/services/")));
		assertThat(names("yoga")).doesNotContain("Yoga at Noon");
		assertThat(directory.alternatives(entry.id())).isNotEmpty()
			.allMatch(a -> a.category() == ServiceCategory.WELLNESS);
	}

	@Test
	void csvImportReportsRowsAndIsAllOrNothingAndExportIsFormulaSafe() throws Exception {
		var admin = signedIn(as(Role.ADMINISTRATOR));
		// the columns an administrator's spreadsheet carries (the import's documented
		// format)
		String header = "id,name,provider_kind,provider_name,category,audiences,confidentiality,reported_to,"
				+ "confidentiality_note,cost,cost_note,after_hours,hours,access_modes,virtual,location,phone,email,url,"
				+ "languages,description,last_reviewed,audience_roles\n";
		String good = ",Night Owl Listening Line,EXTERNAL,Owl Partners,CRISIS,ALL,ANONYMOUS,,,FREE,,true,24/7,SELF_REFERRAL,true,Phone,303-555-0999,,,en,A listening line for night shifts.,\n";
		String bad = ",=HYPERLINK(\"x\"),MARS,Owl,CRISIS,,REPORTED,,,FREE,,maybe,,SELF_REFERRAL,true,,,not-mail,ftp://x,en,desc,2026-13-40\n";
		int before = directory.everything().size();
		mvc.perform(multipart("/admin/directory/import")
			.file(new MockMultipartFile("file", "d.csv", "text/csv",
					(header + good + bad).getBytes(StandardCharsets.UTF_8)))
			.param("apply", "true")
			.with(admin)
			.with(csrf()))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("nothing will be imported")))
			.andExpect(content().string(containsString("<td>3</td>")))
			.andExpect(content().string(containsString("provider_kind")))
			.andExpect(content().string(containsString("reported_to")));
		assertThat(directory.everything()).hasSize(before);
		String formula = good.replace("Night Owl Listening Line", "=cmd|' /C calc'!A0");
		mvc.perform(multipart("/admin/directory/import")
			.file(new MockMultipartFile("file", "d.csv", "text/csv",
					(header + good + formula).getBytes(StandardCharsets.UTF_8)))
			.param("apply", "true")
			.with(admin)
			.with(csrf())).andExpect(content().string(containsString("Imported 2 services")));
		assertThat(names("night owl")).contains("Night Owl Listening Line");
		mvc.perform(get("/admin/directory/export.csv").with(admin))
			.andExpect(content().string(containsString("'=cmd")));
		mvc.perform(get("/admin/directory").with(signedIn(as(Role.PARTICIPANT)))).andExpect(status().isForbidden());
	}

	@Test
	void administratorsEditWithFieldMessagesThatKeepInput() throws Exception {
		var admin = signedIn(as(Role.ADMINISTRATOR));
		mvc.perform(post("/admin/directory").with(admin)
			.with(csrf())
			.param("name", "Half-filled service")
			.param("confidentiality", "REPORTED")
			.param("email", "nope")
			.param("url", "javascript:alert(1)"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"Half-filled service\"")))
			.andExpect(content().string(containsString("Say who is told")))
			.andExpect(content().string(containsString("Choose at least one group")))
			.andExpect(content().string(containsString("full web address")));
	}

	@Test
	void frontPageMarkdownIsSanitized() throws Exception {
		var admin = signedIn(as(Role.ADMINISTRATOR));
		mvc.perform(get("/").param("lang", "es")).andExpect(content().string(containsString("Qué ofrece el programa")));
		mvc.perform(post("/admin/site").param("lang", "es")
			.with(admin)
			.with(csrf())
			.param("markdown",
					"## Welcome residents\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(2)>\n\n[bad](javascript:alert(3)) [ok](https://example.org)"))
			.andExpect(status().isOk());
		mvc.perform(get("/").param("lang", "es"))
			.andExpect(content().string(containsString("<h2>Welcome residents</h2>")))
			.andExpect(content().string(not(containsString("<script>alert(1)"))))
			.andExpect(content().string(not(containsString("<img src=x onerror"))))
			.andExpect(content().string(not(containsString("javascript:alert"))))
			.andExpect(content().string(containsString("https://example.org")));
	}

}
