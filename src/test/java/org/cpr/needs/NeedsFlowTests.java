package org.cpr.needs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.is;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SurveyResponses;
import org.cpr.survey.Wave;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Needs analysis end to end on the demo application: a schedule import that refuses bad
 * rows and changes nothing; the wave sent after a block ends; answers that carry the
 * scheduled rotation (never the typed one) into the heat map; a finding sent to the CQI
 * register.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class NeedsFlowTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	MutableClock clock;

	@Autowired
	NeedsWaveSender sender;

	@Autowired
	SurveyResponses responses;

	@Autowired
	RotationCatalogue catalogue;

	@Autowired
	RotationSchedule schedule;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	ApplicationContext context;

	CprUser facilitator() {
		return NeedsTestSupport.user(identity, "facilitator", Role.FACILITATOR);
	}

	UUID rotation(String name) {
		return catalogue.save(null, name + " " + UUID.randomUUID().toString().substring(0, 6), "UH", "Cardiology",
				Setting.ICU, null);
	}

	@Test
	void aScheduleWithBadRowsIsRefusedWholeWithARowErrorForEachProblem() throws Exception {
		UUID r = rotation("Cardiac ICU");
		String name = catalogue.find(r).orElseThrow().name();
		List<PersonSummary> students = NeedsTestSupport.students(identity);
		LocalDate today = LocalDate.now(clock);
		String csv = "person,rotation,service,site,start,end\n" + "nobody@example.org," + name + ",A,UH," + today + ","
				+ today.plusDays(27) + "\n" + students.get(0).username() + "," + name + ",A,UH," + today.plusDays(27)
				+ "," + today + "\n" + students.get(1).username() + "," + name + ",A,University Hospital," + today + ","
				+ today.plusDays(27) + "\n" + students.get(1).email() + "," + name + ",B,UH," + today.plusDays(20) + ","
				+ today.plusDays(40) + "\n" + students.get(2).username() + ",Unknown rotation,A,UH," + today + ","
				+ today.plusDays(27) + "\n";
		long before = schedule.count();
		MockHttpSession session = new MockHttpSession();
		mvc.perform(multipart("/needs/schedule/preview")
			.file(new MockMultipartFile("file", "blocks.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.session(session)
			.with(csrf())
			.with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("No active person with the username or e-mail &quot;nobody@example.org&quot;")))
			.andExpect(content().string(containsString("The block ends before it starts")))
			.andExpect(content().string(containsString("block on line 4")))
			.andExpect(
					content().string(containsString("No rotation &quot;Unknown rotation @ UH&quot; in the catalogue")))
			.andExpect(content().string(not(containsString("id=\"apply\""))));
		mvc.perform(post("/needs/schedule/apply").session(session).with(csrf()).with(signedIn(facilitator())))
			.andExpect(content().string(containsString("nothing was imported")));
		assertThat(schedule.count()).isEqualTo(before);

		mvc.perform(post("/api/v1/needs/schedule").contentType("text/csv")
			.content(csv)
			.with(csrf())
			.with(signedIn(facilitator())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
			.andExpect(jsonPath("$.rows[?(@.line == 3)].problems[0].message")
				.value(hasItem(containsString("ends before it starts"))));
		mvc.perform(post("/api/v1/needs/schedule").contentType("text/csv")
			.content("person,rotation\n")
			.with(csrf())
			.with(signedIn(facilitator())))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.rows[0].problems[0].message").value(containsString("no column \"service\"")));
		assertThat(schedule.count()).isEqualTo(before);
	}

	@Test
	void peopleWhoFinishedABlockAreAskedAndTheScheduledRotationReachesTheHeatMapAndTheCqiRegister() throws Exception {
		UUID r = rotation("Cardiac Care Unit");
		String name = catalogue.find(r).orElseThrow().name();
		List<PersonSummary> students = NeedsTestSupport.students(identity).subList(3, 9);
		LocalDate today = LocalDate.now(clock);
		StringBuilder csv = new StringBuilder("person,rotation,service,site,start,end\n");
		students.forEach(s -> csv.append(s.email())
			.append(',')
			.append(name)
			.append(",CCU,UH,")
			.append(today.minusDays(26))
			.append(',')
			.append(today.plusDays(1))
			.append('\n'));
		mvc.perform(post("/api/v1/needs/schedule").contentType("text/csv")
			.content(csv.toString())
			.with(csrf())
			.with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.applied").value(true))
			.andExpect(jsonPath("$.rows").value(6));

		clock.advance(Duration.ofDays(3));
		assertThat(sender.sendDue()).isGreaterThanOrEqualTo(6);
		Wave wave = responses.openWavesFor(students.get(0).id())
			.stream()
			.filter(w -> sender.sentCampaigns().contains(w.campaignId()))
			.findFirst()
			.orElseThrow();

		CprUser first = NeedsTestSupport.user(identity, students.get(0).username(), Role.PARTICIPANT);
		mvc.perform(get("/surveys/waves/" + wave.id()).with(signedIn(first)))
			.andExpect(content().string(containsString("come from the schedule")))
			.andExpect(content().string(not(containsString("ctx_rotation"))));
		int i = 0;
		for (PersonSummary s : students) {
			// What a client types is ignored: the schedule says UH and this rotation.
			responses.submit(wave.id(), s.id(), "k-" + UUID.randomUUID(),
					NeedsTestSupport.answer(5, i++ == 0 ? "Ask Dr. Rivera for the echo list on Monday." : null),
					new SubmissionContext("CH", "nights", "PGY1"));
		}
		clock.advance(Duration.ofDays(15));
		NeedsTestSupport.runSurveyScheduler(context);
		await().atMost(Duration.ofSeconds(20))
			.until(() -> jdbc.sql("SELECT COUNT(*) FROM needs_response WHERE rotation_id = ?")
				.param(r)
				.query(Integer.class)
				.single() == 6);
		List<Map<String, Object>> stored = jdbc
			.sql("SELECT hospital, rotation, pgy_band FROM survey_response_anon WHERE wave_id = ?")
			.param(wave.id())
			.query()
			.listOfRows();
		assertThat(stored).hasSize(6).allSatisfy(row -> {
			assertThat(row.get("hospital")).isEqualTo("UH");
			assertThat(row.get("rotation")).isEqualTo("rot:" + r);
			assertThat(row.get("pgy_band")).isNull();
		});

		int year = AcademicYear.of(today.plusDays(1));
		mvc.perform(get("/needs/heatmap").param("year", Integer.toString(year)).with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("n=6")));
		mvc.perform(get("/api/v1/needs/heatmap").param("year", Integer.toString(year)).with(signedIn(facilitator())))
			.andExpect(jsonPath("$.rows[?(@.key == '" + r + "')].cells[0].mean").value(100.0))
			.andExpect(jsonPath("$.rows[?(@.key == '" + r + "')].cells[0].respondents").value(6));
		mvc.perform(get("/api/v1/needs/heatmap").param("by", "floor").with(signedIn(facilitator())))
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("by"));

		String item = mvc
			.perform(post("/needs/rotations/" + r + "/stressors/cqi").param("year", Integer.toString(year))
				.param("domain", "WORKLOAD")
				.with(csrf())
				.with(signedIn(facilitator())))
			.andExpect(status().is3xxRedirection())
			.andReturn()
			.getResponse()
			.getRedirectedUrl();
		assertThat(item).startsWith("/cqi/items/");
		mvc.perform(get(item).with(signedIn(facilitator())))
			.andExpect(content().string(containsString("Needs analysis: workload on " + name)));
	}

	@Test
	void theDemoHeatMapReleasesBusyRotationsShowsSmallOnesAsSuppressedAndTracesYears() throws Exception {
		Rotation micu = catalogue.all().stream().filter(x -> x.name().equals("Medical ICU")).findFirst().orElseThrow();
		Rotation nights = catalogue.all()
			.stream()
			.filter(x -> x.name().equals("Night Float"))
			.findFirst()
			.orElseThrow();
		int year = jdbc.sql("SELECT MAX(academic_year) FROM needs_response WHERE rotation_id = ?")
			.param(micu.id())
			.query(Integer.class)
			.single();
		mvc.perform(get("/api/v1/needs/heatmap").param("year", Integer.toString(year)).with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.rows[?(@.key == '" + micu.id() + "')].cells[0].released").value(hasItem(true)))
			.andExpect(jsonPath("$.rows[?(@.key == '" + micu.id() + "')].cells[0].respondents").value(hasItem(14)))
			.andExpect(
					jsonPath("$.rows[?(@.key == '" + nights.id() + "')].cells[*].released").value(everyItem(is(false))))
			.andExpect(jsonPath("$.rows[?(@.key == '" + nights.id() + "')].cells[0].suppressed")
				.value(hasItem(containsString("fewer than 5"))));
		mvc.perform(get("/needs/rotations/" + micu.id() + "/stressors").param("year", Integer.toString(year))
			.with(signedIn(NeedsTestSupport.user(identity, "director", Role.PROGRAM_DIRECTOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Over the academic years")))
			.andExpect(content().string(containsString((year - 1) + "–")))
			.andExpect(content().string(not(containsString("id=\"cqi-WORKLOAD\""))));
	}

	@Test
	void aReviewerPublishesAnEditedTipThatTheRotationGuideThenShowsWithoutTheName() throws Exception {
		Rotation micu = catalogue.all().stream().filter(x -> x.name().equals("Medical ICU")).findFirst().orElseThrow();
		int year = jdbc.sql("SELECT MAX(academic_year) FROM needs_response WHERE rotation_id = ?")
			.param(micu.id())
			.query(Integer.class)
			.single();
		mvc.perform(get("/needs/rotations").with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Night Float")));
		mvc.perform(get("/needs/tips").param("year", Integer.toString(year)).with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Medical ICU")))
			.andExpect(content().string(containsString("[name] on nights is great at teaching vents")))
			.andExpect(content().string(not(containsString("Dr. Smith"))));
		UUID tip = jdbc
			.sql("SELECT id FROM needs_tip WHERE rotation_id = ? AND academic_year = ? AND status = 'PENDING'"
					+ " AND original LIKE 'Keep a running%'")
			.params(micu.id(), year)
			.query(UUID.class)
			.single();
		mvc.perform(post("/needs/tips/" + tip + "/publish").param("year", Integer.toString(year))
			.param("text", "Keep a running sign-out document from day one; Dr. Okafor showed us.")
			.with(csrf())
			.with(signedIn(facilitator()))).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT original FROM needs_tip WHERE id = ?").param(tip).query(String.class).single())
			.isEmpty();
		mvc.perform(post("/needs/tips/" + tip + "/publish").param("year", Integer.toString(year))
			.param("text", "again")
			.with(csrf())
			.with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("not waiting for review")));
		mvc.perform(get("/needs/guides/" + micu.id()).with(signedIn(facilitator())))
			.andExpect(status().isOk())
			.andExpect(content()
				.string(containsString("Keep a running sign-out document from day one; [name] showed us.")))
			.andExpect(content().string(containsString("What peers found hardest")));
	}

	/**
	 * The guide of a trainee's next rotation shows on their page from a week before the
	 * block starts (from the schedule, never typed), in Spanish when they ask for it.
	 */
	@Test
	void aTraineeSeesTheGuideOfTheirNextRotationFromAWeekBeforeItStarts() throws Exception {
		UUID r = rotation("Night float");
		String name = catalogue.find(r).orElseThrow().name();
		PersonSummary trainee = NeedsTestSupport.students(identity)
			.stream()
			.filter(s -> schedule.blocksOf(s.id()).isEmpty())
			.reduce((a, b) -> b)
			.orElseThrow();
		LocalDate start = LocalDate.now(clock).plusDays(10);
		ScheduleRow row = schedule.add(facilitator().personId(), trainee.email(), r.toString(), "Nights",
				start.toString(), start.plusDays(27).toString());
		assertThat(row.problems()).isEmpty();
		CprUser me = NeedsTestSupport.user(identity, trainee.username(), Role.PARTICIPANT);
		mvc.perform(get("/needs/my-guide").with(signedIn(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString(name)))
			.andExpect(content().string(containsString("a week before you start")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"my-guide\""))));
		clock.advance(Duration.ofDays(3));
		mvc.perform(get("/needs/my-guide").param("lang", "es").with(signedIn(me)))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Su próxima rotación")))
			.andExpect(content().string(containsString("id=\"my-guide\"")))
			.andExpect(content().string(org.hamcrest.Matchers.not(containsString("id=\"guide-later\""))));
	}

	/**
	 * A rotation guide's links to the platform's own pages lead somewhere: the demo's
	 * "peer support after a patient death" once pointed at a page that does not exist.
	 */
	@Test
	void everyPlatformLinkOfTheDemoRotationGuidesOpensAPage() throws Exception {
		CprUser resident = NeedsTestSupport.user(identity, "resident", Role.PARTICIPANT);
		List<String> paths = catalogue.all()
			.stream()
			.flatMap(r -> catalogue.links(r.id()).stream())
			.map(l -> l.href())
			.filter(h -> h.startsWith("/"))
			.distinct()
			.toList();
		assertThat(paths).as("the demo guides link to platform pages").contains("/peer", "/directory");
		for (String path : paths) {
			assertThat(mvc.perform(get(path).with(signedIn(resident))).andReturn().getResponse().getStatus()).as(path)
				.isEqualTo(200);
		}
	}

}
