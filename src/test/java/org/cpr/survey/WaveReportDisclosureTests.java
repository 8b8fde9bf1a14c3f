package org.cpr.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.survey.SurveyTestSupport.as;
import static org.cpr.survey.SurveyTestSupport.person;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.function.IntFunction;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.support.OutputNoise;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The survey wave report (page, CSV, API) and its response rates disclose nothing through
 * their shape, their ledger or their cells (I-1, I-3, I-4, I-5).
 *
 * <p>
 * Anonymous answers wait sealed in the mixing pool and become readable in batches of at
 * least k (k = 5) or when the wave closes; tests that read what an anonymous wave's
 * answers show close the wave first by moving the clock past its last day. The batch size
 * is stated (it is the production default), which also gives this class a context and
 * database of its own: its clock moves and its campaigns at UH and CH do not crowd the
 * hospital lists other tests of the shared clock context read.
 */
@SpringBootTest(properties = "cpr.survey.anonymous-pool.min-batch=5")
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class WaveReportDisclosureTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Autowired
	JdbcTemplate jdbc;

	final CprUser owner = person(Role.FACILITATOR);

	/**
	 * Confidential (identified) mode: there every answer is readable as soon as it is
	 * given, so "one more answer" is a report of six after a report of five, and only the
	 * shared ledger stops it. (An anonymous wave never gets there: its answers become
	 * readable only in batches of at least five.)
	 */
	@Test
	void twoViewersAndTwoFormatsShareOneLedger() throws Exception {
		UUID wave = launch("brs", "UH", "CONFIDENTIAL");
		for (int i = 0; i < 5; i++) {
			respond(wave, brs(1 + i % 5), "UH", "PGY1");
		}
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/report").with(as(owner)))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.group == 'all')].respondents").value(5));
		respond(wave, brs(5), "UH", "PGY1");

		CprUser admin = demo("admin", Role.ADMINISTRATOR);
		String csv = body(get("/surveys/waves/" + wave + "/report.csv").with(as(admin)));
		String everyone = csv.lines().filter(l -> l.contains(",Everyone,")).findFirst().orElseThrow();
		assertThat(everyone).as("the sixth person's score would be six means minus five")
			.doesNotContain(",6,")
			.contains("shown again when 4 more have answered")
			.doesNotContain("fewer than");
		String page = body(get("/surveys/waves/" + wave + "/report").with(as(admin)));
		assertThat(page).doesNotContain("n = 6").contains("shown again when 4 more have answered");
		mvc.perform(get("/api/v1/surveys/waves/" + wave + "/report").with(as(owner)))
			.andExpect(jsonPath("$[?(@.group == 'all')].released").value(false));
	}

	@Test
	void reportsAreForTheCampaignsOwnerAndTheLeadersOfItsAudienceOnly() throws Exception {
		UUID wave = launch("brs", "UH");
		for (CprUser stranger : List.of(person(Role.FACILITATOR), person(Role.SYSTEM_ADMIN),
				demo("director", Role.PROGRAM_DIRECTOR))) {
			for (String path : List.of("/surveys/waves/" + wave + "/report", "/surveys/waves/" + wave + "/report.csv",
					"/api/v1/surveys/waves/" + wave + "/report", "/api/v1/surveys/waves/" + wave + "/response-rate")) {
				mvc.perform(get(path).with(org.cpr.support.TestUsers.signedIn(stranger)))
					.andExpect(status().isNotFound());
			}
		}
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(as(owner))).andExpect(status().isOk());
		mvc.perform(get("/surveys/waves/" + wave + "/report").with(as(demo("admin", Role.ADMINISTRATOR))))
			.andExpect(status().isOk());
	}

	@Test
	void aSuppressedReportLooksTheSameWhateverIsBehindIt() throws Exception {
		UUID first = launch("brs", "UH");
		for (int i = 0; i < 3; i++) {
			respond(first, brs(1), "UH", "PGY1");
		}
		UUID second = launch("brs", "UH");
		for (int i = 0; i < 4; i++) {
			respond(second, brs(5), "CH", "PGY4+");
		}
		assertThat(normalized(api(second), second)).isEqualTo(normalized(api(first), first));
		assertThat(normalized(body(get("/surveys/waves/" + second + "/report.csv").with(as(owner))), second))
			.isEqualTo(normalized(body(get("/surveys/waves/" + first + "/report.csv").with(as(owner))), first));
		String page = normalized(body(get("/surveys/waves/" + second + "/report").with(as(owner))), second);
		assertThat(page).isEqualTo(normalized(body(get("/surveys/waves/" + first + "/report").with(as(owner))), first));
	}

	@Test
	void healthScreensShowPositiveCountsOnlyWhenZeroOrElevenAndNeverOneHundredPercent() throws Exception {
		UUID phq9 = launch("phq-9", "UH");
		respond(phq9, same(9, 3), "UH", "PGY1"); // the maximum score, 27
		for (int i = 0; i < 5; i++) {
			respond(phq9, same(9, 0), "UH", "PGY1");
		}
		closeOpenWaves();
		String json = api(phq9);
		assertThat(json).doesNotContain("27.0").doesNotContain("\"mean\":4.5").doesNotContain("\"distribution\":{");
		String page = body(get("/surveys/waves/" + phq9 + "/report").with(as(owner)));
		assertThat(page).contains("Not shown for health screens")
			.doesNotContain("n = 6")
			.contains("never when everyone screened positive");

		UUID gad7 = launch("gad-7", "UH");
		for (int i = 0; i < 12; i++) {
			respond(gad7, same(7, 2), "UH", "PGY1"); // 14: everyone positive
		}
		closeOpenWaves();
		mvc.perform(get("/api/v1/surveys/waves/" + gad7 + "/report").with(as(owner)))
			.andExpect(jsonPath("$[?(@.group == 'all')].released").value(false))
			.andExpect(
					jsonPath("$[?(@.group == 'all')].positives").value(org.hamcrest.Matchers.contains((Object) null)));

		UUID ptsd = launch("pc-ptsd-5", "UH");
		for (int i = 0; i < 16; i++) {
			respond(ptsd, i < 11 ? ptsdAnswers(true) : ptsdAnswers(false), "UH", "PGY1");
		}
		closeOpenWaves();
		mvc.perform(get("/api/v1/surveys/waves/" + ptsd + "/report").with(as(owner)))
			.andExpect(jsonPath("$[?(@.group == 'all')].released").value(true))
			.andExpect(jsonPath("$[?(@.group == 'all')].positives").value(11))
			.andExpect(jsonPath("$[?(@.group == 'all')].mean").value(org.hamcrest.Matchers.contains((Object) null)));
	}

	@Test
	void responseRatesNeverShowOneToFourAnswered() throws Exception {
		UUID campaign = create("/api/v1/surveys/campaigns",
				"{\"title\":\"Rates\",\"questionnaireId\":\"brs\",\"privacyMode\":\"ANONYMOUS\",\"hospital\":\"UH\"}");
		UUID wave = create("/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\"" + LocalDate.now(clock)
				+ "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(2) + "\"}");
		List<CprUser> invited = java.util.stream.IntStream.range(0, 8).mapToObj(i -> registered()).toList();
		for (CprUser p : invited) {
			mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/roster").with(as(owner))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"personId\":\"" + p.personId().value() + "\"}")).andExpect(status().isNoContent());
		}
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(owner)));
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/invitations").with(as(owner)));
		for (int i = 0; i < 2; i++) {
			respondAs(invited.get(i), wave, brs(3), "UH", "PGY1");
		}
		String rates = body(get("/api/v1/surveys/waves/" + wave + "/response-rate").with(as(owner)));
		assertThat(rates).contains("\"invited\":\"8\"").doesNotContain("\"completed\":\"2\"").contains("fewer than 5");
	}

	@Test
	void aWaveWhoseRespondentsDifferFromThePreviousWavesByOneIsNotShown() throws Exception {
		UUID campaign = create("/api/v1/surveys/campaigns",
				"{\"title\":\"Twice\",\"questionnaireId\":\"brs\",\"privacyMode\":\"ANONYMOUS\",\"hospital\":\"UH\"}");
		UUID first = create("/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\""
				+ LocalDate.now(clock).minusDays(3) + "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(2) + "\"}");
		UUID second = create("/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\""
				+ LocalDate.now(clock).minusDays(1) + "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(2) + "\"}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(owner)));
		List<CprUser> team = java.util.stream.IntStream.range(0, 7).mapToObj(i -> person(Role.PARTICIPANT)).toList();
		for (int i = 0; i < 6; i++) {
			respondAs(team.get(i), first, brs(2), "UH", "PGY1");
		}
		for (int i = 0; i < 7; i++) {
			respondAs(team.get(i), second, brs(i < 6 ? 2 : 5), "UH", "PGY1"); // the same
																				// six and
																				// one
																				// joiner
		}
		closeOpenWaves();
		mvc.perform(get("/api/v1/surveys/waves/" + first + "/report").with(as(owner)))
			.andExpect(jsonPath("$[?(@.group == 'all')].released").value(true));
		mvc.perform(get("/api/v1/surveys/waves/" + second + "/report").with(as(owner)))
			.andExpect(jsonPath("$[?(@.group == 'all')].released").value(false));
		assertThat(body(get("/surveys/waves/" + second + "/report").with(as(owner)))).doesNotContain("n = 7");
	}

	@Test
	void theCqiHospitalReportPageAndPdfLookTheSameWithTwoOrThreeAnswered() throws Exception {
		UUID campaign = create("/api/v1/surveys/campaigns", "{\"title\":\"Rotation at CH " + UUID.randomUUID()
				+ "\",\"questionnaireId\":\"brs\",\"privacyMode\":\"ANONYMOUS\",\"hospital\":\"CH\"}");
		UUID wave = create("/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\"" + LocalDate.now(clock)
				+ "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(2) + "\"}");
		List<CprUser> invited = java.util.stream.IntStream.range(0, 8).mapToObj(i -> registered()).toList();
		for (CprUser p : invited) {
			mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/roster").with(as(owner))
				.contentType(MediaType.APPLICATION_JSON)
				.content("{\"personId\":\"" + p.personId().value() + "\"}")).andExpect(status().isNoContent());
		}
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(owner)));
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/invitations").with(as(owner)));
		UUID ch = identity.orgUnitsOfKind(org.cpr.identity.OrgUnitKind.HOSPITAL)
			.stream()
			.filter(u -> u.code().equals("CH"))
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		CprUser admin = person(Role.ADMINISTRATOR);
		respondAs(invited.get(0), wave, brs(3), "CH", "PGY1");
		respondAs(invited.get(1), wave, brs(3), "CH", "PGY1");
		String pageWithTwo = body(get("/cqi/report").param("hospital", ch.toString()).with(as(admin)));
		String pdfWithTwo = pdfText(ch, admin);
		respondAs(invited.get(2), wave, brs(3), "CH", "PGY1");
		String pageWithThree = body(get("/cqi/report").param("hospital", ch.toString()).with(as(admin)));

		assertThat(pageWithTwo).contains("fewer than 5");
		assertThat(OutputNoise.strip(pageWithThree)).isEqualTo(OutputNoise.strip(pageWithTwo));
		assertThat(pdfText(ch, admin)).isEqualTo(pdfWithTwo);
	}

	private String pdfText(UUID hospital, CprUser viewer) throws Exception {
		byte[] pdf = mvc.perform(get("/cqi/report.pdf").param("hospital", hospital.toString()).with(as(viewer)))
			.andExpect(status().isOk())
			.andReturn()
			.getResponse()
			.getContentAsByteArray();
		try (var doc = org.apache.pdfbox.Loader.loadPDF(pdf)) {
			return OutputNoise.strip(new org.apache.pdfbox.text.PDFTextStripper().getText(doc));
		}
	}

	// ---- helpers
	// -------------------------------------------------------------------------------

	private UUID launch(String questionnaire, String hospital) throws Exception {
		return launch(questionnaire, hospital, "ANONYMOUS");
	}

	private UUID launch(String questionnaire, String hospital, String privacyMode) throws Exception {
		UUID campaign = create("/api/v1/surveys/campaigns", "{\"title\":\"Shape\",\"questionnaireId\":\""
				+ questionnaire + "\",\"privacyMode\":\"" + privacyMode + "\",\"hospital\":\"" + hospital + "\"}");
		UUID wave = create("/api/v1/surveys/campaigns/" + campaign + "/waves", "{\"opensOn\":\"" + LocalDate.now(clock)
				+ "\",\"closesOn\":\"" + LocalDate.now(clock).plusDays(2) + "\"}");
		mvc.perform(post("/api/v1/surveys/campaigns/" + campaign + "/launch").with(as(owner)));
		return wave;
	}

	/**
	 * Every wave opened so far (each closes within two days of opening) is closed: pooled
	 * answers become readable.
	 */
	private void closeOpenWaves() {
		clock.advance(Duration.ofDays(3));
	}

	/**
	 * An active person in the directory (a roster takes only those), signed in as a
	 * participant: a copy of the demo resident under a fresh id.
	 */
	private CprUser registered() {
		UUID id = UUID.randomUUID();
		String username = "resident-" + id;
		jdbc.update(
				"INSERT INTO person (id, username, email, display_name, trainee_type, password_hash, active, created_at)"
						+ " SELECT ?, ?, ?, display_name, trainee_type, password_hash, TRUE, created_at FROM person WHERE username = 'resident'",
				id, username, username + "@example.org");
		OrgUnitId scope = new OrgUnitId(UUID.randomUUID());
		return new CprUser(new PersonId(id), username, "x", "Test", Set.of(new ScopedRole(Role.PARTICIPANT, scope)),
				false, true);
	}

	private void respond(UUID wave, String answers, String hospital, String pgy) throws Exception {
		respondAs(person(Role.PARTICIPANT), wave, answers, hospital, pgy);
	}

	private void respondAs(CprUser who, UUID wave, String answers, String hospital, String pgy) throws Exception {
		mvc.perform(post("/api/v1/surveys/waves/" + wave + "/responses").with(as(who))
			.header("Idempotency-Key", UUID.randomUUID().toString())
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"answers\":" + answers + ",\"context\":{\"hospital\":\"" + hospital + "\",\"pgyLevel\":\"" + pgy
					+ "\"}}"))
			.andExpect(status().isCreated());
	}

	private static String brs(int value) {
		return same(6, value);
	}

	private static String same(int items, int value) {
		IntFunction<String> item = i -> "\"" + i + "\":" + value;
		return "{" + String.join(",", java.util.stream.IntStream.rangeClosed(1, items).mapToObj(item).toList()) + "}";
	}

	private static String ptsdAnswers(boolean positive) {
		return "{\"exposure\":true,\"1\":" + positive + ",\"2\":" + positive + ",\"3\":" + positive
				+ ",\"4\":false,\"5\":false}";
	}

	private String api(UUID wave) throws Exception {
		return body(get("/api/v1/surveys/waves/" + wave + "/report").with(as(owner)));
	}

	private String body(org.springframework.test.web.servlet.RequestBuilder request) throws Exception {
		return mvc.perform(request).andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
	}

	private static String normalized(String output, UUID wave) {
		return OutputNoise.strip(output.replace(wave.toString(), "<wave>"));
	}

	private CprUser demo(String username, Role role) {
		PersonSummary p = identity.byUsername(username).orElseThrow();
		return new CprUser(p.id(), username, null, p.displayName(),
				Set.of(new ScopedRole(role, new OrgUnitId(UUID.randomUUID()))), false, true);
	}

	private UUID create(String path, String json) throws Exception {
		String body = mvc.perform(post(path).with(as(owner)).contentType(MediaType.APPLICATION_JSON).content(json))
			.andExpect(status().isCreated())
			.andReturn()
			.getResponse()
			.getContentAsString();
		return UUID.fromString(body.replaceAll(".*\"id\":\"([0-9a-f-]+)\".*", "$1"));
	}

}
