package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;

/**
 * The survey pages as facilitators and respondents use them, on the seeded demo campus.
 * Who may open which page, and the campaign form's field messages, are slice tests
 * ({@link SurveyAccessTests}, {@link CampaignFormTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
@org.springframework.context.annotation.Import(org.cpr.support.MutableClockConfiguration.class)
class SurveyPagesTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	Clock clock;

	@Autowired
	org.cpr.support.MutableClock mutableClock;

	CprUser facilitator() {
		return demo("facilitator", Role.FACILITATOR);
	}

	CprUser demo(String username, Role role) {
		PersonSummary p = identity.byUsername(username).orElseThrow();
		return new CprUser(p.id(), username, null, p.displayName(),
				Set.of(new ScopedRole(role, new OrgUnitId(UUID.randomUUID())),
						new ScopedRole(Role.PARTICIPANT, new OrgUnitId(UUID.randomUUID()))),
				false, true);
	}

	/**
	 * A resident of the Internal Medicine program (School of Medicine) other than the
	 * demo login.
	 */
	List<CprUser> somResidents() {
		UUID som = identity.orgUnits()
			.stream()
			.filter(u -> u.code().equals("SOM"))
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		return identity.audience(List.of(new OrgUnitId(som)), Set.of(TraineeType.RESIDENT), Set.of())
			.stream()
			.map(p -> new CprUser(p.id(), p.username(), null, p.displayName(),
					Set.of(new ScopedRole(Role.PARTICIPANT, new OrgUnitId(UUID.randomUUID()))), false, true))
			.toList();
	}

	UUID som() {
		return identity.orgUnits().stream().filter(u -> u.code().equals("SOM")).findFirst().orElseThrow().id().value();
	}

	MockHttpServletRequestBuilder campaignForm(String title, String mode) {
		return post("/surveys/campaigns").with(user(facilitator()))
			.with(csrf())
			.param("title", title)
			.param("description", "Tell us how nights at University Hospital go.")
			.param("questionnaire", "phq-2:1")
			.param("privacyMode", mode)
			.param("minRespondents", "5")
			.param("minComments", "10")
			.param("hospital", "UH")
			.param("units", som().toString())
			.param("traineeTypes", "RESIDENT")
			.param("schedule", "ONE_OFF")
			.param("opensOn", LocalDate.now(clock).toString())
			.param("windowDays", "14");
	}

	UUID createAndLaunch(String title, String mode) throws Exception {
		MvcResult created = mvc.perform(campaignForm(title, mode)).andExpect(status().is3xxRedirection()).andReturn();
		UUID id = UUID.fromString(created.getResponse().getRedirectedUrl().replaceAll(".*/", ""));
		mvc.perform(post("/surveys/campaigns/" + id + "/launch").with(user(facilitator())).with(csrf()))
			.andExpect(status().is3xxRedirection());
		return id;
	}

	UUID waveOf(UUID campaign) {
		return jdbc.queryForObject("SELECT id FROM survey_wave WHERE campaign_id = ?", UUID.class, campaign);
	}

	@Test
	void anonymousCampaignFromLaunchToSuppressedReport() throws Exception {
		UUID campaign = createAndLaunch("Nights at UH " + UUID.randomUUID(), "ANONYMOUS");
		mvc.perform(get("/surveys/campaigns/" + campaign).with(user(facilitator())))
			.andExpect(content().string(containsString("Launched")))
			.andExpect(content().string(containsString("School of Medicine")));
		UUID wave = waveOf(campaign);
		List<CprUser> residents = somResidents();
		assertThat(residents).hasSizeGreaterThan(6);
		Integer rostered = jdbc.queryForObject("SELECT COUNT(*) FROM survey_roster WHERE campaign_id = ?",
				Integer.class, campaign);
		assertThat(rostered).isEqualTo(residents.size());

		CprUser first = residents.get(0);
		mvc.perform(get("/surveys").with(user(first))).andExpect(content().string(containsString("Nights at UH")));
		mvc.perform(get("/surveys/waves/" + wave).with(user(first)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("stored without your name")))
			.andExpect(content().string(containsString("at least 5 people")))
			.andExpect(content().string(containsString("data-session-draft")))
			.andExpect(content().string(not(containsString("Save draft"))))
			.andExpect(content().string(not(containsString("id=\"ctx_hospital\""))));

		// Missing answer: field-level message, the given answer stays checked.
		mvc.perform(post("/surveys/waves/" + wave).with(user(first))
			.with(csrf())
			.param("idempotencyKey", "11111111-1111-1111-1111-111111111111")
			.param("a_1", "2"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().string(containsString("This question needs an answer.")))
			.andExpect(content().string(containsString("value=\"2\" id=\"a_1_2\" checked")));

		String key = UUID.randomUUID().toString();
		MvcResult ok = mvc
			.perform(post("/surveys/waves/" + wave).with(user(first))
				.with(csrf())
				.param("idempotencyKey", key)
				.param("a_1", "2")
				.param("a_2", "1")
				.param("ctx_pgy", "PGY1")
				.param("ctx_rotation", "nights"))
			.andExpect(status().is3xxRedirection())
			.andExpect(flash().attributeExists("receipt"))
			.andReturn();
		String receipt = (String) ok.getFlashMap().get("receipt");
		// A double submit with the same key shows the same confirmation and stores
		// nothing more.
		MvcResult again = mvc
			.perform(post("/surveys/waves/" + wave).with(user(first))
				.with(csrf())
				.param("idempotencyKey", key)
				.param("a_1", "2")
				.param("a_2", "1")
				.param("ctx_pgy", "PGY1")
				.param("ctx_rotation", "nights"))
			.andExpect(status().is3xxRedirection())
			.andReturn();
		assertThat(again.getFlashMap().get("receipt")).isEqualTo(receipt);
		// Stored once, sealed in the mixing pool: nothing readable until a batch of at
		// least five can move.
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM survey_response_pool WHERE wave_id = ?", Integer.class, wave))
			.isEqualTo(1);
		assertThat(
				jdbc.queryForObject("SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ?", Integer.class, wave))
			.isZero();
		mvc.perform(get("/surveys/waves/" + wave).with(user(first)))
			.andExpect(content().string(containsString("already answered")));

		// Not in the audience: the survey does not exist for them.
		CprUser nurse = demo("peer", Role.PARTICIPANT);
		mvc.perform(get("/surveys/waves/" + wave).with(user(nurse))).andExpect(status().isNotFound());

		// With one response the report shows nothing but "fewer than 5".
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(user(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("fewer than 5 responses")))
			.andExpect(content().string(not(containsString("n = 1"))));

		for (int i = 1; i < 6; i++) {
			mvc.perform(post("/surveys/waves/" + wave).with(user(residents.get(i)))
				.with(csrf())
				.param("idempotencyKey", UUID.randomUUID().toString())
				.param("a_1", Integer.toString(i % 4))
				.param("a_2", "1")).andExpect(status().is3xxRedirection());
		}
		// The wave closes; its first report releases the six pooled answers together.
		mutableClock.advance(java.time.Duration.ofDays(15));
		// PHQ-2 is a health screen: 3 positive screens of 6 are neither 0 nor at least
		// 11, so nothing shows.
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(user(facilitator())))
			.andExpect(content().string(not(containsString("n = 6"))))
			.andExpect(content().string(containsString("never when everyone screened positive")))
			.andExpect(content().string(containsString("University Hospital")));
		mvc.perform(get("/surveys/waves/" + wave + "/report.csv").with(user(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("positive_screens,Everyone,,,,,,")));
		// The campaign is about one hospital: the row carries it, coarse context kept, no
		// person.
		assertThat(jdbc.queryForList("SELECT hospital FROM survey_response_anon WHERE wave_id = ?", String.class, wave))
			.hasSize(6)
			.containsOnly("UH");
		assertThat(jdbc
			.queryForObject("SELECT COUNT(*) FROM survey_response_anon WHERE wave_id = ? AND rotation = 'nights'"
					+ " AND pgy_band = 'PGY1'", Integer.class, wave))
			.isEqualTo(1);
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(user(first))).andExpect(status().isForbidden());
	}

	@Test
	void identifiedCampaignKeepsAServerDraft() throws Exception {
		UUID campaign = createAndLaunch("Confidential check " + UUID.randomUUID(), "CONFIDENTIAL");
		UUID wave = waveOf(campaign);
		CprUser r = somResidents().get(1);
		mvc.perform(post("/surveys/waves/" + wave).with(user(r))
			.with(csrf())
			.param("idempotencyKey", UUID.randomUUID().toString())
			.param("a_1", "3")
			.param("action", "draft"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Draft saved")));
		mvc.perform(get("/surveys/waves/" + wave).with(user(r)))
			.andExpect(content().string(containsString("value=\"3\" id=\"a_1_3\" checked")))
			.andExpect(content().string(containsString("Save draft")));
	}

	@Test
	void theDemoCampusRunsAnEndOfRotationCqiCampaignThatHandsOverToTheRegister() throws Exception {
		mvc.perform(get("/surveys").with(user(demo("resident", Role.PARTICIPANT))))
			.andExpect(content().string(containsString("End-of-rotation feedback: University Hospital")));
		UUID campaign = jdbc.queryForObject("SELECT id FROM survey_campaign WHERE title = ?", UUID.class,
				"End-of-rotation feedback: University Hospital");
		List<UUID> waves = jdbc.queryForList("SELECT id FROM survey_wave WHERE campaign_id = ? ORDER BY opens_on",
				UUID.class, campaign);
		assertThat(waves).hasSizeGreaterThan(10); // one per four-week rotation block for
													// a year
		UUID uh = identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL)
			.stream()
			.filter(u -> u.code().equals("UH"))
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		mvc.perform(get("/surveys/waves/" + waves.get(0) + "/report").with(user(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("/cqi/items/new?hospital=" + uh)))
			.andExpect(content().string(containsString(waves.get(0).toString())));
		mvc.perform(get("/cqi/report").param("hospital", uh.toString()).with(user(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Feedback campaigns: response rates")))
			.andExpect(content().string(containsString("End-of-rotation feedback: University Hospital · 1")));
		mvc.perform(get("/cqi/items/new").param("hospital", uh.toString()).with(user(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + uh + "\" selected")));
	}

	@Test
	void hospitalsOfTheCampusAreOffered() {
		assertThat(identity.orgUnitsOfKind(OrgUnitKind.HOSPITAL)).extracting(u -> u.code()).contains("UH", "CH");
	}

}
