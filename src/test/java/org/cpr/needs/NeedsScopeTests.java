package org.cpr.needs;

import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.Role;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Needs results are scoped to the org units under the viewer's grants: two program
 * directors see only their own program's answers and tips of one rotation; a campus-wide
 * role sees both together. Seeds its own academic year (2019) so no other test's answers
 * mix in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class NeedsScopeTests {

	static final int YEAR = 2019;

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	RotationCatalogue catalogue;

	@Autowired
	NeedsResults results;

	@Autowired
	JdbcClient jdbc;

	UUID rotation;

	@BeforeEach
	void seed() {
		if (rotation != null) {
			return;
		}
		rotation = catalogue.lookup("Scope test wards", "UH")
			.map(Rotation::id)
			.orElseGet(
					() -> catalogue.save(null, "Scope test wards", "UH", "Internal Medicine", Setting.INPATIENT, null));
		if (jdbc.sql("SELECT COUNT(*) FROM needs_response WHERE academic_year = ?")
			.param(YEAR)
			.query(Integer.class)
			.single() > 0) {
			return;
		}
		answers("PRG-IM", 80, "Internal medicine tip: ask the charge nurse about the night admissions list.");
		answers("PRG-GS", 20, "Surgery tip: the OR schedule is posted the evening before.");
		results.rebuild(YEAR);
	}

	/** Ten answers of one program's campaign, all rating workload {@code workload}. */
	private void answers(String program, double workload, String tip) {
		UUID campaign = UUID.randomUUID();
		LocalDate closes = LocalDate.of(YEAR, 11, 20);
		jdbc.sql(
				"INSERT INTO needs_campaign (campaign_id, academic_year, sent_on, closes_on, org_unit_id) VALUES (?,?,?,?,?)")
			.params(campaign, YEAR, closes.minusDays(13), closes, NeedsTestSupport.unit(identity, program).value())
			.update();
		for (int i = 0; i < 10; i++) {
			jdbc.sql("INSERT INTO needs_response (id, campaign_id, academic_year, closes_on, rotation_id, specialty,"
					+ " hospital_code, workload, sleep, autonomy, team, mistreatment, adverse, ehr, home, burnout, wellbeing)"
					+ " VALUES (?,?,?,?,?,?,?,?,50,50,50,50,50,50,50,3,50)")
				.params(UUID.randomUUID(), campaign, YEAR, closes, rotation, "Internal Medicine", "UH", workload)
				.update();
		}
		jdbc.sql("INSERT INTO needs_tip (id, academic_year, closes_on, rotation_id, original, status, campaign_id)"
				+ " VALUES (?,?,?,?,?,'PENDING',?)")
			.params(UUID.randomUUID(), YEAR, closes, rotation, tip, campaign)
			.update();
	}

	private String cell(String field) {
		return "$.rows[?(@.key == '" + rotation + "')].cells[0]." + field;
	}

	@Test
	void eachProgramDirectorSeesOnlyTheirProgramsAnswersAndACampusRoleSeesBoth() throws Exception {
		CprUser im = NeedsTestSupport.user(identity, "director", Role.PROGRAM_DIRECTOR, "PRG-IM");
		CprUser gs = NeedsTestSupport.user(identity, "leader", Role.PROGRAM_DIRECTOR, "PRG-GS");
		CprUser admin = NeedsTestSupport.user(identity, "admin", Role.ADMINISTRATOR, "CAMPUS");
		mvc.perform(get("/api/v1/needs/heatmap").param("year", Integer.toString(YEAR)).with(signedIn(im)))
			.andExpect(status().isOk())
			.andExpect(jsonPath(cell("respondents")).value(hasItem(10)))
			.andExpect(jsonPath(cell("mean")).value(hasItem(80.0)));
		mvc.perform(get("/api/v1/needs/heatmap").param("year", Integer.toString(YEAR)).with(signedIn(gs)))
			.andExpect(status().isOk())
			.andExpect(jsonPath(cell("respondents")).value(hasItem(10)))
			.andExpect(jsonPath(cell("mean")).value(hasItem(20.0)));
		mvc.perform(get("/api/v1/needs/heatmap").param("year", Integer.toString(YEAR)).with(signedIn(admin)))
			.andExpect(jsonPath(cell("respondents")).value(hasItem(20)))
			.andExpect(jsonPath(cell("mean")).value(hasItem(50.0)));
		mvc.perform(get("/needs/rotations/" + rotation + "/stressors").param("year", Integer.toString(YEAR))
			.with(signedIn(gs))).andExpect(status().isOk()).andExpect(content().string(containsString("n=10")));
	}

	@Test
	void aDirectorOfAProgramWithoutAnswersSeesNoFigures() throws Exception {
		CprUser peds = NeedsTestSupport.user(identity, "leader", Role.PROGRAM_DIRECTOR, "PRG-PEDS");
		mvc.perform(get("/api/v1/needs/heatmap").param("year", Integer.toString(YEAR)).with(signedIn(peds)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows").isEmpty());
	}

	@Test
	void aFacilitatorOfOneProgramReviewsOnlyThatProgramsTips() throws Exception {
		CprUser im = NeedsTestSupport.user(identity, "facilitator", Role.FACILITATOR, "PRG-IM");
		mvc.perform(get("/needs/tips").param("year", Integer.toString(YEAR)).with(signedIn(im)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("night admissions list")))
			.andExpect(content().string(not(containsString("OR schedule"))));
		CprUser gs = NeedsTestSupport.user(identity, "facilitator", Role.FACILITATOR, "PRG-GS");
		mvc.perform(get("/needs/tips").param("year", Integer.toString(YEAR)).with(signedIn(gs)))
			.andExpect(content().string(containsString("OR schedule")))
			.andExpect(content().string(not(containsString("night admissions list"))));
	}

}
