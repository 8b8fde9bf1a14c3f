package org.cpr.curriculum;

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

import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

@SpringBootTest
@AutoConfigureMockMvc
class CurriculumWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	TopicLibrary library;

	@Test
	void theDemoLibraryHasTwentyMappedTopics() {
		var topics = library.search(null, null, null, false);
		assertThat(topics).hasSizeGreaterThanOrEqualTo(20);
		assertThat(topics).allSatisfy(t -> {
			assertThat(t.objectives()).isNotEmpty();
			assertThat(t.competencies()).isNotEmpty();
		});
		assertThat(topics).extracting(Topic::title)
			.contains("Grief after a patient death", "Moral distress", "Efficient EHR use");
		assertThat(library.search(null, null, WellBeingRequirement.VI_C_1_E_4, false)).extracting(Topic::title)
			.contains("Suicide prevention for clinicians");
		assertThat(WellBeingRequirement.VI_C_1_E_3.code()).isEqualTo("VI.C.1.e(3)");
	}

	@Test
	void aFacilitatorFiltersByCompetencyAndHtmxGetsOnlyTheResults() throws Exception {
		mvc.perform(get("/curriculum/topics").param("competency", "MK").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Recognizing burnout, depression and substance use")))
			.andExpect(content().string(not(containsString("Efficient EHR use"))));
		mvc.perform(get("/curriculum/topics").param("q", "grief")
			.header("HX-Request", "true")
			.with(signedIn(as(Role.FACILITATOR))))
			.andExpect(content().string(containsString("Grief after a patient death")))
			.andExpect(content().string(not(containsString("<html"))));
		mvc.perform(
				get("/curriculum/topics").param("competency", "NOT_A_COMPETENCY").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(status().isOk());
	}

	@Test
	void participantsDoNotSeeTheLibraryAndDirectorsCannotEditIt() throws Exception {
		mvc.perform(get("/curriculum/topics").with(signedIn(as(Role.PARTICIPANT)))).andExpect(status().isForbidden());
		mvc.perform(get("/curriculum/topics").with(signedIn(as(Role.PROGRAM_DIRECTOR)))).andExpect(status().isOk());
		mvc.perform(valid("director-topic").with(signedIn(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isForbidden());
		assertThat(library.search("Director topic", null, null, true)).isEmpty();
	}

	@Test
	void badInputGetsFieldErrorsAndSavesNothing() throws Exception {
		mvc.perform(post("/curriculum/topics").with(csrf())
			.with(signedIn(as(Role.FACILITATOR)))
			.param("code", "Bad Code!")
			.param("title", "Bad topic")
			.param("summary", "s")
			.param("objectives", "")
			.param("format", "WORKSHOP")
			.param("minutes", "0")
			.param("resources", "A handout | not-a-link"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Use 2 to 60 lower-case letters")))
			.andExpect(content().string(containsString("Write at least one learning objective.")))
			.andExpect(content().string(containsString("Give a length between 5 minutes")))
			.andExpect(content().string(containsString("Choose at least one competency.")))
			.andExpect(content().string(containsString("needs a web address")));
		mvc.perform(valid("grief-patient-death").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(content().string(containsString("Another topic already uses this code.")));
		assertThat(library.search("Bad topic", null, null, true)).isEmpty();
	}

	@Test
	void aFacilitatorAddsATopicThatShowsItsMapping() throws Exception {
		String location = mvc.perform(valid("peer-debrief").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(location).with(signedIn(as(Role.GROUP_LEADER))))
			.andExpect(content().string(containsString("Peer debriefing")))
			.andExpect(content().string(containsString("VI.C.1.e(4)")))
			.andExpect(content().string(containsString("Interpersonal and communication skills")))
			.andExpect(content().string(containsString("https://example.org/debrief")));
		mvc.perform(get(location).param("lang", "es").with(signedIn(as(Role.FACILITATOR))))
			.andExpect(content().string(containsString("Habilidades interpersonales y de comunicación")));
	}

	@Autowired
	CurriculumPlans plans;

	@Autowired
	org.cpr.identity.IdentityManagement identity;

	@Test
	void aPlanIsBuiltByLevelAndCopiedForwardOnce() throws Exception {
		var program = identity.orgUnitsOfKind(org.cpr.identity.OrgUnitKind.PROGRAM).get(0).id();
		String location = mvc
			.perform(post("/curriculum/plans").with(csrf())
				.with(signedIn(as(Role.FACILITATOR)))
				.param("program", program.toString())
				.param("traineeType", "RESIDENT")
				.param("year", "2026"))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		var grief = library.search("Grief after a patient death", null, null, false).get(0);
		var sleep = library.search("Sleep, fatigue and night shifts", null, null, false).get(0);
		mvc.perform(post(location + "/items").with(csrf())
			.with(signedIn(as(Role.FACILITATOR)))
			.param("level", "PGY1")
			.param("topic", sleep.id().toString()));
		mvc.perform(post(location + "/items").with(csrf())
			.with(signedIn(as(Role.FACILITATOR)))
			.param("level", "PGY2")
			.param("topic", grief.id().toString()));
		mvc.perform(post(location + "/items").with(csrf())
			.with(signedIn(as(Role.FACILITATOR)))
			.param("level", "<script>")
			.param("topic", grief.id().toString()))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", "curriculum.plan.itemInvalid"));
		String copy = mvc.perform(post(location + "/copy-forward").with(csrf()).with(signedIn(as(Role.FACILITATOR))))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		mvc.perform(get(copy).with(signedIn(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(content().string(containsString("Academic year 2027–2028")))
			.andExpect(content().string(containsString("Sleep, fatigue and night shifts")))
			.andExpect(content().string(containsString("Grief after a patient death")));
		mvc.perform(post(location + "/copy-forward").with(csrf()).with(signedIn(as(Role.FACILITATOR))))
			.andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash()
				.attribute("problem", "curriculum.plan.exists"));
		assertThat(plans.all()
			.stream()
			.filter(p -> p.program().equals(program) && p.traineeType() == org.cpr.identity.TraineeType.RESIDENT))
			.extracting(CurriculumPlan::academicYear)
			.containsExactlyInAnyOrder(2026, 2027);
		mvc.perform(post(copy.replace("?copied", "") + "/copy-forward").with(csrf())
			.with(signedIn(as(Role.PROGRAM_DIRECTOR)))).andExpect(status().isForbidden());
	}

	private MockHttpServletRequestBuilder valid(String code) {
		return post("/curriculum/topics").with(csrf())
			.param("code", code)
			.param("title", "Peer debriefing")
			.param("summary", "Debriefing after hard shifts.")
			.param("objectives", "Lead a debrief\nClose with resources")
			.param("format", "SMALL_GROUP")
			.param("minutes", "45")
			.param("facilitatorNotes", "Keep it voluntary.")
			.param("resources", "Debrief guide | https://example.org/debrief")
			.param("competencies", "ICS", "PROF")
			.param("requirements", "VI_C_1_E_4");
	}

}
