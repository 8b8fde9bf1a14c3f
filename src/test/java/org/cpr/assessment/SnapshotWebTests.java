package org.cpr.assessment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.as;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.event.ApplicationEvents;
import org.springframework.test.context.event.RecordApplicationEvents;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

@SpringBootTest
@AutoConfigureMockMvc
@RecordApplicationEvents
class SnapshotWebTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcTemplate jdbc;

	@Autowired
	ApplicationEvents events;

	@Autowired
	IdentityManagement identity;

	@Autowired
	Clock clock;

	static String location(MvcResult r) {
		return r.getResponse().getRedirectedUrl();
	}

	static UUID submissionId(MvcResult r) {
		String url = location(r);
		assertThat(url).startsWith("/snapshot/results/");
		return UUID.fromString(url.substring("/snapshot/results/".length()));
	}

	@Test
	void onePagePerInstrumentWithProgressAndAFollowUpOnlyWhenTheScreenerIsPositive() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		String page = mvc.perform(get("/snapshot/take/1").with(signedIn(resident)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("Step 1 of 7").contains("Brief Resilience").contains("name=\"idempotencyKey\"");

		SnapshotDriver negative = new SnapshotDriver(mvc, resident);
		negative.answer("brs", SnapshotDriver.same(6, "3"));
		negative.answer("who-5", SnapshotDriver.same(5, "3"));
		negative.answer("burnout-single-item", Map.of("1", "2"));
		assertThat(location(negative.answer("phq-2", SnapshotDriver.same(2, "1")))).isEqualTo("/snapshot/take/5");
		String next = mvc.perform(get("/snapshot/take/5").with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(next).contains("GAD-2").doesNotContain("follow-up-note");

		CprUser other = as(Role.PARTICIPANT);
		SnapshotDriver positive = new SnapshotDriver(mvc, other);
		positive.answer("brs", SnapshotDriver.same(6, "3"));
		positive.answer("who-5", SnapshotDriver.same(5, "3"));
		positive.answer("burnout-single-item", Map.of("1", "2"));
		assertThat(location(positive.answer("phq-2", SnapshotDriver.same(2, "2")))).isEqualTo("/snapshot/take/5");
		String followUp = mvc.perform(get("/snapshot/take/5").with(signedIn(other)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(followUp).contains("PHQ-9").contains("follow-up-note").contains("Step 5 of 8");
	}

	@Test
	void aSnapshotIsFiledUnderTheParticipantsProgramAndUnderNoneForSomeoneWithout() throws Exception {
		// the programme's figures (aggregate view, team pages) count a snapshot by the
		// programme stored with it, read at submission from the person's record
		UUID program = UUID.randomUUID();
		jdbc.update("INSERT INTO org_unit (id, kind, code, name, created_at) VALUES (?, 'PROGRAM', ?, ?, now())",
				program, "PRG-" + program, "Programme " + program);
		UUID withProgram = UUID.randomUUID();
		UUID without = UUID.randomUUID();
		for (UUID id : List.of(withProgram, without)) {
			jdbc.update("""
					INSERT INTO person (id, username, email, display_name, trainee_type, program_id, active, created_at)
					VALUES (?, ?, ?, 'Filed', 'RESIDENT', ?, TRUE, now())""", id, "filed-" + id, id + "@example.org",
					id.equals(withProgram) ? program : null);
		}
		for (UUID id : List.of(withProgram, without)) {
			CprUser user = new CprUser(new org.cpr.shared.PersonId(id), "filed-" + id, null, "Filed",
					java.util.Set
						.of(new org.cpr.identity.ScopedRole(Role.PARTICIPANT, new org.cpr.shared.OrgUnitId(program))),
					false, true);
			UUID submission = submissionId(new SnapshotDriver(mvc, user).takeAll("0", "0", "2"));
			assertThat(jdbc.queryForObject("SELECT org_unit_id FROM assessment_submission WHERE id = ?", UUID.class,
					submission))
				.isEqualTo(id.equals(withProgram) ? program : null);
		}
		assertThat(identity.program(new org.cpr.shared.PersonId(withProgram)))
			.contains(new org.cpr.shared.OrgUnitId(program));
		assertThat(identity.program(new org.cpr.shared.PersonId(without))).isEmpty();
		assertThat(identity.program(new org.cpr.shared.PersonId(UUID.randomUUID()))).isEmpty();
	}

	@Test
	void backKeepsTheAnswersInTheServerSideDraftAndMissingAnswersAreShownPerField() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		SnapshotDriver d = new SnapshotDriver(mvc, resident);
		d.answer("brs", SnapshotDriver.same(6, "4"));
		d.step++;
		MvcResult back = mvc.perform(d.request("who-5", Map.of("1", "5"), "back")).andReturn();
		assertThat(location(back)).isEqualTo("/snapshot/take/1");
		String first = mvc.perform(get("/snapshot/take/1").with(signedIn(resident)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(first).containsPattern("value=\"4\"[^>]*checked");

		SnapshotDriver incomplete = new SnapshotDriver(mvc, as(Role.PARTICIPANT));
		MvcResult invalid = incomplete.answer("brs", Map.of("1", "3", "2", "4"));
		assertThat(invalid.getResponse().getStatus()).isEqualTo(422);
		assertThat(invalid.getResponse().getContentAsString()).contains("This question needs an answer")
			.containsPattern("value=\"4\"[^>]*checked");
	}

	@Test
	void resultsInPlainLanguageWithTrendBenchmarksAndNextSteps() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		UUID id = submissionId(new SnapshotDriver(mvc, resident).takeAll("2", "0", "4"));
		String page = mvc.perform(get("/snapshot/results/" + id).with(signedIn(resident)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).as("one take is no trend yet")
			.doesNotContain("<svg class=\"chart\" role=\"img\" id=\"trend-")
			.contains("Your trend chart appears from your second snapshot");
		UUID second = submissionId(new SnapshotDriver(mvc, resident).takeAll("2", "0", "4"));
		page = mvc.perform(get("/snapshot/results/" + second).with(signedIn(resident)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(page).contains("not a diagnosis")
			.contains("burnout symptoms")
			.contains("<svg class=\"chart\" role=\"img\" id=\"trend-")
			.doesNotContain("Your trend chart appears from your second snapshot")
			.contains("trend-table")
			.contains("43.2 %")
			.contains("AMA Organizational Biopsy")
			.contains("This fuller questionnaire replaces the short screen")
			.contains("Resident Peer Support Network")
			.doesNotContain("id=\"result-phq-2\"")
			.doesNotContain("choice-form");
		assertThat(events.stream(SafetyConcern.class)).isEmpty();
	}

	@Test
	void aDirectoryEntryThatDoesNotExistYetShowsTheFallbackText() throws Exception {
		jdbc.update(
				"UPDATE assessment_next_step_rule SET directory_slug = 'not-yet-in-the-directory' WHERE instrument_id = 'burnout-single-item'");
		try {
			CprUser resident = as(Role.PARTICIPANT);
			UUID id = submissionId(new SnapshotDriver(mvc, resident).takeAll("1", "0", "4"));
			String page = mvc.perform(get("/snapshot/results/" + id).with(signedIn(resident)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(page).contains("A trained peer who knows the work can listen")
				.doesNotContain("Resident Peer Support Network");
		}
		finally {
			jdbc.update(
					"UPDATE assessment_next_step_rule SET directory_slug = 'resident-peer-support-network' WHERE instrument_id = 'burnout-single-item'");
		}
	}

	@Autowired
	org.cpr.directory.ServiceDirectory directory;

	@Test
	void nextStepsSeeADirectoryEntryAddedOrRetiredAfterThePageWasFirstShown() throws Exception {
		jdbc.update(
				"UPDATE assessment_next_step_rule SET directory_slug = 'cache-check-peer-line' WHERE instrument_id = 'burnout-single-item'");
		try {
			CprUser resident = as(Role.PARTICIPANT);
			UUID id = submissionId(new SnapshotDriver(mvc, resident).takeAll("1", "0", "4"));
			assertThat(resultsPage(resident, id)).contains("A trained peer who knows the work can listen")
				.doesNotContain("Cache Check Peer Line");
			org.cpr.directory.ServiceEntry e = directory.active()
				.stream()
				.filter(x -> x.name().equals("Resident Peer Support Network"))
				.findFirst()
				.orElseThrow();
			UUID added = directory.save(null,
					new org.cpr.directory.ServiceEntry(null, "Cache Check Peer Line", e.providerKind(),
							e.providerName(), e.category(), e.audiences(), e.confidentiality(), e.reportedTo(),
							e.confidentialityNote(), e.cost(), e.costNote(), e.afterHours(), e.hours(), e.accessModes(),
							e.virtualOption(), e.location(), e.phone(), e.email(), e.url(), e.languages(),
							e.description(), null, false, null, e.audienceRoles()),
					null, resident.personId());
			assertThat(resultsPage(resident, id)).as("a new entry is linked at once")
				.contains("Cache Check Peer Line")
				.contains("/directory/services/" + added);
			directory.retire(added, resident.personId());
			assertThat(resultsPage(resident, id)).as("a retired entry is no longer linked")
				.doesNotContain("Cache Check Peer Line")
				.contains("A trained peer who knows the work can listen");
		}
		finally {
			jdbc.update(
					"UPDATE assessment_next_step_rule SET directory_slug = 'resident-peer-support-network' WHERE instrument_id = 'burnout-single-item'");
		}
	}

	private String resultsPage(CprUser user, UUID id) throws Exception {
		return mvc.perform(get("/snapshot/results/" + id).with(signedIn(user)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();
	}

	@Test
	void doubleSubmitStoresOneResultAndShowsTheSamePageAndAChangedAnswerIsRefused() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		SnapshotDriver d = new SnapshotDriver(mvc, resident);
		MvcResult first = d.takeAll("2", "2", "2");
		MvcResult again = mvc.perform(d.request(SnapshotDriver.LAST, Map.of(), "skip")).andReturn();
		assertThat(location(again)).isEqualTo(location(first));
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assessment_submission WHERE person_id = ?", Integer.class,
				resident.personId().value()))
			.isEqualTo(1);

		d.answers.get("gad-2").put("1", "1");
		MvcResult changed = mvc.perform(d.request(SnapshotDriver.LAST, Map.of(), "skip")).andReturn();
		assertThat(changed.getResponse().getStatus()).isEqualTo(422);
		assertThat(changed.getResponse().getContentAsString()).contains("already submitted with different answers");
		assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM assessment_submission WHERE person_id = ?", Integer.class,
				resident.personId().value()))
			.isEqualTo(1);
	}

	@Test
	void nobodyElseSeesAPersonsResultWhateverTheirRole() throws Exception {
		CprUser resident = as(Role.PARTICIPANT);
		UUID id = submissionId(new SnapshotDriver(mvc, resident).takeAll("2", "1", "2"));
		for (Role role : new Role[] { Role.PROGRAM_DIRECTOR, Role.SYSTEM_ADMIN, Role.RESILIENCE_CLINICIAN,
				Role.ADMINISTRATOR, Role.PARTICIPANT }) {
			CprUser other = as(role);
			int get = mvc.perform(get("/snapshot/results/" + id).with(signedIn(other)))
				.andReturn()
				.getResponse()
				.getStatus();
			int choose = mvc
				.perform(post("/snapshot/results/" + id + "/choice").with(signedIn(other))
					.with(csrf())
					.param("choice", "PRIVATE"))
				.andReturn()
				.getResponse()
				.getStatus();
			assertThat(get).as(role + " GET").isIn(403, 404);
			assertThat(choose).as(role + " POST").isIn(403, 404);
			String history = mvc.perform(get("/snapshot").with(signedIn(other)))
				.andReturn()
				.getResponse()
				.getContentAsString();
			assertThat(history).doesNotContain(id.toString());
		}
		assertThat(events.stream(SafetyConcern.class))
			.as("nobody else could make the choice: only the pseudonymous review")
			.allSatisfy(c -> assertThat(c.person()).isNull());
	}

	@Test
	void theAggregateIsForDirectorsAndAdministratorsAndSuppressesSmallGroups() throws Exception {
		submissionId(new SnapshotDriver(mvc, as(Role.PARTICIPANT)).takeAll("1", "0", "2"));
		mvc.perform(get("/snapshot/aggregate").with(signedIn(as(Role.PARTICIPANT)))).andExpect(status().isForbidden());
		mvc.perform(get("/snapshot/aggregate").with(signedIn(as(Role.RESILIENCE_CLINICIAN))))
			.andExpect(status().isForbidden());
		mvc.perform(get("/snapshot/aggregate").with(signedIn(as(Role.ADMINISTRATOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("fewer than 5 responses")));
		mvc.perform(get("/snapshot/aggregate").with(signedIn(as(Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("fewer than 5 responses")));
	}

	@Test
	void eachInstrumentTableHasAChartOfItsReleasedRowsOnly() throws Exception {
		List<OrgUnitSummary> units = identity.orgUnits()
			.stream()
			.filter(u -> u.name().matches("[A-Za-z ]+"))
			.filter(u -> identity.orgUnits().stream().filter(o -> o.name().equals(u.name())).count() == 1)
			.limit(3)
			.toList();
		OrgUnitSummary shown = units.get(0);
		OrgUnitSummary small = units.get(1);
		OrgUnitSummary smaller = units.get(2);
		ProgramViewShapeTests.startAfresh(jdbc);
		snapshots(shown, Map.of("low", 1, "normal", 2, "high", 3));
		snapshots(small, Map.of("low", 2));
		snapshots(smaller, Map.of("normal", 4));

		String page = mvc.perform(get("/snapshot/aggregate").with(signedIn(as(Role.ADMINISTRATOR))))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsString();

		Matcher figure = Pattern
			.compile("<figure class=\"aggregate-chart\" id=\"chart-brs\">(.*?)</figure>", Pattern.DOTALL)
			.matcher(page);
		assertThat(figure.find()).as("a chart for the instrument").isTrue();
		String svg = figure.group(1);
		assertThat(svg).as("an accessible SVG: named by its title and description")
			.contains("<svg class=\"chart\" role=\"img\" id=\"svg-brs\"")
			.contains("aria-labelledby=\"svg-brs-t svg-brs-d\"")
			.doesNotContain("data:image/png");
		Matcher desc = Pattern.compile("<desc id=\"svg-brs-d\">([^<]+)</desc>").matcher(svg);
		assertThat(desc.find()).as("a description").isTrue();
		assertThat(page).contains("<table class=\"aggregate\" id=\"bands-brs\">");
		String alt = desc.group(1);
		assertThat(alt).contains("Brief Resilience Scale (BRS)")
			.contains("All units")
			.contains(shown.name())
			.contains("low, typical, high")
			.doesNotContain(small.name())
			.doesNotContain(smaller.name())
			.doesNotContainPattern("\\d");
		List<String> groups = Pattern.compile("<text class=\"chart-label\" x=\"8\" y=\"[^\"]+\">([^<]+)</text>")
			.matcher(svg)
			.results()
			.map(m -> m.group(1))
			.toList();
		assertThat(groups).as("two bars drawn: all units and the one released unit")
			.containsExactly("All units", shown.name());
		assertThat(Pattern.compile("<text class=\"chart-value\"[^>]*>(\\d+)</text>")
			.matcher(svg)
			.results()
			.map(m -> m.group(1))).as("each segment carries its count as text").contains("1", "2", "3");
		assertThat(Pattern.compile("fill=\"url\\(#svg-brs-p(\\d)\\)\"")
			.matcher(svg)
			.results()
			.map(m -> m.group(1))
			.distinct()).as("each band its own pattern").contains("0", "1", "2");

		for (OrgUnitSummary hidden : List.of(small, smaller)) {
			Matcher row = Pattern
				.compile("<tr>\\s*<th scope=\"row\">" + Pattern.quote(hidden.name()) + "</th>(?:(?!</tr>).)*</tr>",
						Pattern.DOTALL)
				.matcher(page.substring(page.indexOf("id=\"bands-brs\"")));
			assertThat(row.find()).isTrue();
			assertThat(row.group()).contains("fewer than 5 responses").doesNotContainPattern("<td>\\d");
		}
		Matcher released = Pattern
			.compile("<th scope=\"row\">" + Pattern.quote(shown.name())
					+ "</th>\\s*<td>6</td>\\s*<td>1</td>\\s*<td>2</td>\\s*<td>3</td>")
			.matcher(page.substring(page.indexOf("id=\"bands-brs\"")));
		assertThat(released.find()).as("the released row in band order").isTrue();
	}

	/**
	 * Stores one snapshot per respondent in {@code unit} with this many results in each
	 * band of the test instrument.
	 */
	private void snapshots(OrgUnitSummary unit, Map<String, Integer> bands) {
		bands.forEach((band, count) -> {
			for (int i = 0; i < count; i++) {
				UUID id = UUID.randomUUID();
				jdbc.update(
						"""
								INSERT INTO assessment_submission (id, person_id, org_unit_id, submitted_at, key_hash, payload_hash, high_risk, safety_state)
								VALUES (?, ?, ?, ?, ?, ?, FALSE, 'NONE')""",
						id, UUID.randomUUID(), unit.id().value(), Timestamp.from(clock.instant()), id.toString(), "x");
				jdbc.update(
						"""
								INSERT INTO assessment_result (submission_id, position, instrument_id, version_id, score, band, flags, answers)
								VALUES (?, 1, 'brs', ?, 1, ?, '', '{}')""",
						id, UUID.randomUUID(), band);
			}
		});
	}

}
