package org.cpr.peersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import org.cpr.audit.AuditLog;
import org.cpr.audit.AuditRecord;
import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.identity.Accounts;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.ResultActions;

/**
 * Issue #14: a peer supporter's own debriefs (recorded by a coordinator, seen by the
 * supporter, audited, reaching no one else), and group debriefs after critical incidents
 * on the page and through the API: the coordinator alone, and bad input refused field by
 * field with nothing saved.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class PeerDebriefTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@Autowired
	Accounts accounts;

	@Autowired
	PeerRoster roster;

	@Autowired
	PeerRequests requests;

	@Autowired
	AuditLog audit;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	List<InterventionReach> reach;

	PeerFixtures fx;

	PersonId admin;

	CprUser coordinator;

	@BeforeEach
	void setUp() {
		clock.set(PeerSupportWebTests.START);
		fx = new PeerFixtures(identity, people, roster);
		admin = identity.byUsername("sysadmin").orElseThrow().id();
		coordinator = PeerFixtures.user(fx.person(TraineeType.STAFF, "UH-NURS", null), Role.PEER_SUPPORT_COORDINATOR);
	}

	long ownDebriefs(PersonId supporter) {
		return jdbc.sql("SELECT COUNT(*) FROM peer_supporter_debrief WHERE supporter_id = ?")
			.param(supporter.value())
			.query(Long.class)
			.single();
	}

	long groupDebriefs() {
		return jdbc.sql("SELECT COUNT(*) FROM peer_group_debrief").query(Long.class).single();
	}

	/** A new person holding {@code role} campus-wide (for a named debrief partner). */
	PersonId holding(Role role) {
		PersonId p = fx.person(TraineeType.STAFF, "UH-NURS", null);
		people.grant(p.value(), role, fx.unit("CAMPUS").value(), admin);
		return p;
	}

	String token(Role role) {
		PersonId p = holding(role);
		if (role.requiresMfa()) {
			jdbc.sql("UPDATE person SET mfa_enabled = TRUE WHERE id = ?").param(p.value()).update();
		}
		return "Bearer " + accounts.createToken(p, "test", 1).secret();
	}

	ResultActions postJson(String path, String token, String body) throws Exception {
		return mvc
			.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	@Test
	void aCoordinatorRecordsASupportersOwnDebriefTheSupporterSeesItAndTheLookIsInTheirAccessLog() throws Exception {
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PersonId clinician = holding(Role.RESILIENCE_CLINICIAN);
		long reachBefore = peerReach();
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("heldOn", "2026-02-27")
			.param("with", "RESILIENCE_CLINICIAN")
			.param("withPerson", fx.username(clinician))
			.param("outcome", "DONE")).andExpect(status().is3xxRedirection());
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("heldOn", "2026-03-20")
			.param("with", "COORDINATOR")
			.param("outcome", "SCHEDULED")).andExpect(status().is3xxRedirection());
		assertThat(ownDebriefs(supporter)).isEqualTo(2);

		mvc.perform(get("/peer/roster/" + supporter).with(signedIn(coordinator)))
			.andExpect(content().string(containsString("With a resilience clinician")))
			.andExpect(content().string(containsString(identity.person(clinician).orElseThrow().displayName())))
			.andExpect(content().string(containsString("Took place")))
			.andExpect(content().string(containsString("Scheduled")));
		CprUser me = PeerFixtures.user(supporter, Role.PEER_SUPPORTER);
		mvc.perform(get("/peer/cases").with(signedIn(me)))
			.andExpect(content().string(containsString("My own debriefs")))
			.andExpect(content().string(containsString("2026-02-27")))
			.andExpect(content().string(containsString("2026-03-20")))
			// the supporter sees the list, not the coordinator's buttons
			.andExpect(content().string(not(containsString("It did not take place"))));
		mvc.perform(get("/peer/cases").with(signedIn(me)).param("lang", "es"))
			.andExpect(content().string(containsString("Mis propias sesiones de descarga")))
			.andExpect(content().string(containsString("Con un clínico de resiliencia")));

		List<AuditRecord> log = audit.accessesTo(supporter);
		assertThat(log).extracting(AuditRecord::action)
			.contains("PEER_SUPPORTER_DEBRIEF_RECORDED", "PEER_SUPPORTER_DEBRIEFS_VIEWED");
		assertThat(log.stream().filter(r -> r.action().equals("PEER_SUPPORTER_DEBRIEFS_VIEWED")))
			.allMatch(r -> r.actor().equals(coordinator.personId()));
		mvc.perform(get("/account/access-log").with(signedIn(PeerFixtures.user(supporter, Role.PARTICIPANT))))
			.andExpect(content().string(containsString("PEER_SUPPORTER_DEBRIEFS_VIEWED")));

		// the scheduled one is marked as not done once its day has come, not before
		String scheduled = jdbc
			.sql("SELECT id FROM peer_supporter_debrief WHERE supporter_id = ? AND outcome = 'SCHEDULED'")
			.param(supporter.value())
			.query(String.class)
			.single();
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs/" + scheduled).with(csrf())
			.with(signedIn(coordinator))
			.param("outcome", "NOT_DONE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be in the future")));
		clock.set(java.time.Instant.parse("2026-03-21T09:00:00Z"));
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs/" + scheduled).with(csrf())
			.with(signedIn(coordinator))
			.param("outcome", "NOT_DONE")).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT outcome FROM peer_supporter_debrief WHERE id = CAST(? AS UUID)")
			.param(scheduled)
			.query(String.class)
			.single()).isEqualTo("NOT_DONE");
		// evaluation's count of peer support is not moved by a supporter's own debriefs
		assertThat(peerReach()).isEqualTo(reachBefore);
		// the table has nowhere to write what was said
		assertThat(jdbc.sql("""
				SELECT column_name FROM information_schema.columns
				WHERE table_name = 'peer_supporter_debrief' AND data_type IN ('text', 'character varying')""")
			.query(String.class)
			.list()).containsExactlyInAnyOrder("with_role", "outcome");
	}

	long peerReach() {
		InterventionReach peer = reach.stream()
			.filter(r -> r.type() == InterventionType.PEER_SUPPORT)
			.findFirst()
			.orElseThrow();
		return ((InterventionReach.Reach.CountOnly) peer.reach(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
			.count();
	}

	@Test
	void aBadOwnDebriefGetsAFieldMessageKeepsWhatWasTypedAndSavesNothing() throws Exception {
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PersonId notAClinician = fx.person(TraineeType.NURSE, "UH-NURS", null);
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("heldOn", "2026-03-10")
			.param("with", "COORDINATOR")
			.param("outcome", "DONE"))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("cannot be in the future")))
			.andExpect(content().string(containsString("value=\"2026-03-10\"")));
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("heldOn", "2026-03-01")
			.param("outcome", "DONE")).andExpect(content().string(containsString("Choose with whom")));
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("heldOn", "2026-03-01")
			.param("with", "RESILIENCE_CLINICIAN")
			.param("withPerson", fx.username(notAClinician))
			.param("outcome", "DONE"))
			.andExpect(content().string(containsString("We could not find a resilience clinician or coordinator")))
			.andExpect(content().string(containsString("value=\"" + fx.username(notAClinician) + "\"")));
		mvc.perform(post("/peer/roster/" + supporter + "/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("heldOn", "2026-03-01")
			.param("with", "RESILIENCE_CLINICIAN")
			.param("withPerson", "nobody-by-this-name")
			.param("outcome", "DONE")
			.param("lang", "es")).andExpect(content().string(containsString("No encontramos a un clínico")));
		assertThat(ownDebriefs(supporter)).isZero();
		// not the coordinator: refused, nothing saved
		for (Role role : List.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.RESILIENCE_CLINICIAN,
				Role.PEER_SUPPORTER)) {
			mvc.perform(post("/peer/roster/" + supporter + "/debriefs").with(csrf())
				.with(signedIn(PeerFixtures.user(fx.person(TraineeType.FACULTY, "SOM-MED", null), role)))
				.param("heldOn", "2026-03-01")
				.param("with", "COORDINATOR")
				.param("outcome", "DONE")).andExpect(status().isForbidden());
		}
		assertThat(ownDebriefs(supporter)).isZero();
	}

	@Test
	void groupDebriefPageRefusesBadInputFieldByFieldAndRecordsAGoodOne() throws Exception {
		String unit = fx.unit("UH-NURS").toString();
		String facilitator = fx.username(holding(Role.PEER_SUPPORT_COORDINATOR));
		long before = groupDebriefs();
		mvc.perform(post("/peer/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("unit", unit)
			.param("heldOn", "2026-03-03")
			.param("facilitators", facilitator)
			.param("attendance", "12"))
			.andExpect(content().string(containsString("not in the future")))
			.andExpect(content().string(containsString("id=\"heldOn-error\"")))
			.andExpect(content().string(containsString("value=\"" + facilitator + "\"")));
		mvc.perform(post("/peer/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("unit", unit)
			.param("heldOn", "2026-03-01")
			.param("facilitators", facilitator)
			.param("attendance", "-3"))
			.andExpect(content().string(containsString("a whole number from 1 to 500")))
			.andExpect(content().string(containsString("id=\"attendance-error\"")));
		mvc.perform(post("/peer/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("unit", unit)
			.param("heldOn", "2026-03-01")
			.param("facilitators", facilitator + ", nobody-by-this-name")
			.param("attendance", "12")
			.param("lang", "es"))
			.andExpect(content().string(containsString("Indique al menos un facilitador que podamos encontrar")))
			.andExpect(content().string(containsString("id=\"facilitators-error\"")));
		assertThat(groupDebriefs()).isEqualTo(before);
		mvc.perform(post("/peer/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("unit", unit)
			.param("heldOn", "2026-03-01")
			.param("facilitators", facilitator)
			.param("attendance", "12")).andExpect(status().is3xxRedirection());
		assertThat(groupDebriefs()).isEqualTo(before + 1);
	}

	@Test
	void theGroupDebriefApiIsTheCoordinatorsAloneForEveryOtherRoleItIsForbidden() throws Exception {
		String unit = fx.unit("UH-NURS").toString();
		String facilitator = fx.username(holding(Role.PEER_SUPPORT_COORDINATOR));
		String body = "{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-01\",\"facilitators\":[\"" + facilitator
				+ "\"],\"attendance\":14}";
		String coordinatorToken = token(Role.PEER_SUPPORT_COORDINATOR);
		String location = postJson("/api/v1/peer/debriefs", coordinatorToken, body).andExpect(status().isCreated())
			.andExpect(header().exists("Location"))
			.andExpect(jsonPath("$.attendance").value(14))
			.andExpect(jsonPath("$.unit").value(unit))
			.andReturn()
			.getResponse()
			.getHeader("Location");
		mvc.perform(get(location).header("Authorization", coordinatorToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$.heldOn").value("2026-03-01"));
		mvc.perform(get("/api/v1/peer/debriefs").header("Authorization", coordinatorToken))
			.andExpect(status().isOk())
			.andExpect(jsonPath("$[?(@.attendance == 14)]").exists());
		long before = groupDebriefs();
		List<String> failures = new ArrayList<>();
		for (Role role : Role.values()) {
			if (role == Role.PEER_SUPPORT_COORDINATOR) {
				continue;
			}
			String token = token(role);
			int list = mvc.perform(get("/api/v1/peer/debriefs").header("Authorization", token))
				.andReturn()
				.getResponse()
				.getStatus();
			int one = mvc.perform(get(location).header("Authorization", token)).andReturn().getResponse().getStatus();
			int record = postJson("/api/v1/peer/debriefs", token, body).andReturn().getResponse().getStatus();
			if (list != 403 || one != 403 || record != 403) {
				failures.add(role + ": " + list + "/" + one + "/" + record);
			}
		}
		assertThat(failures).isEmpty();
		assertThat(groupDebriefs()).isEqualTo(before);
	}

	@Test
	void badGroupDebriefsAreProblemDetailsNamingTheFieldAndSaveNothing() throws Exception {
		String unit = fx.unit("UH-NURS").toString();
		String facilitator = fx.username(holding(Role.PEER_SUPPORT_COORDINATOR));
		String token = token(Role.PEER_SUPPORT_COORDINATOR);
		long before = groupDebriefs();
		record Bad(String body, int status, String field, String detail) {
		}
		String f = "\"facilitators\":[\"" + facilitator + "\"]";
		List<Bad> bad = List.of(
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-03\"," + f + ",\"attendance\":12}", 422,
						"heldOn", "not in the future"),
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-01\"," + f + ",\"attendance\":-1}", 422,
						"attendance", "from 1 to 500"),
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-01\"," + f + ",\"attendance\":0}", 422,
						"attendance", "from 1 to 500"),
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-01\"," + f + ",\"attendance\":100000}", 422,
						"attendance", "from 1 to 500"),
				new Bad("{\"unit\":\"" + unit
						+ "\",\"heldOn\":\"2026-03-01\",\"facilitators\":[\"nobody-by-this-name\"],\"attendance\":12}",
						422, "facilitators", "facilitator"),
				new Bad("{\"unit\":\"" + unit
						+ "\",\"heldOn\":\"2026-03-01\",\"facilitators\":[\"3f2b8c1e-7a4d-4e59-9b0a-6c1d2e3f4a5b\"],\"attendance\":12}",
						422, "facilitators", "facilitator"),
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-01\",\"facilitators\":[],\"attendance\":12}",
						422, "facilitators", "facilitator"),
				new Bad("{\"unit\":\"3f2b8c1e-7a4d-4e59-9b0a-6c1d2e3f4a5b\",\"heldOn\":\"2026-03-01\"," + f
						+ ",\"attendance\":12}", 422, "unit", "unit"),
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-01\"," + f + ",\"attendance\":\"twelve\"}",
						400, "attendance", "wrong kind"),
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"yesterday\"," + f + ",\"attendance\":12}", 400,
						"heldOn", "wrong kind"),
				new Bad("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-01\"," + f
						+ ",\"attendance\":12,\"note\":\"what was said\"}", 400, "body", "does not accept"));
		for (Bad b : bad) {
			postJson("/api/v1/peer/debriefs", token, b.body()).andExpect(status().is(b.status()))
				.andExpect(content().contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
				.andExpect(jsonPath("$.field").value(b.field()))
				.andExpect(jsonPath("$.detail").value(containsString(b.detail())));
		}
		mvc.perform(post("/api/v1/peer/debriefs").header("Authorization", token)
			.param("lang", "es")
			.contentType(MediaType.APPLICATION_JSON)
			.content("{\"unit\":\"" + unit + "\",\"heldOn\":\"2026-03-03\"," + f + ",\"attendance\":12}"))
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.detail").value(containsString("no en el futuro")));
		mvc.perform(get("/api/v1/peer/debriefs/3f2b8c1e-7a4d-4e59-9b0a-6c1d2e3f4a5b").header("Authorization", token))
			.andExpect(status().isNotFound());
		assertThat(groupDebriefs()).isEqualTo(before);
	}

	@Test
	void everyPeerSupportPageSpeaksEnglishAndSpanishWithoutMissingMessages() throws Exception {
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PeerRequestId id = requests.selfRefer(nurse, null);
		requests.confirm(id, supporter, coordinator.personId());
		CprUser me = PeerFixtures.user(supporter, Role.PEER_SUPPORTER);
		CprUser referrer = PeerFixtures.user(fx.person(TraineeType.NURSE, "UH-NURS", null), Role.REACH_IN_REFERRER);
		CprUser director = PeerFixtures.user(fx.person(TraineeType.FACULTY, "SOM-MED", null), Role.PROGRAM_DIRECTOR);
		List<Object[]> pages = List.of(new Object[] { referrer, "/peer" }, new Object[] { referrer, "/peer/reach-in" },
				new Object[] { coordinator, "/peer/coordinator" },
				new Object[] { coordinator, "/peer/coordinator/requests/" + id },
				new Object[] { coordinator, "/peer/roster" }, new Object[] { coordinator, "/peer/roster/" + supporter },
				new Object[] { coordinator, "/peer/debriefs" }, new Object[] { director, "/peer/reports" },
				new Object[] { me, "/peer/cases" }, new Object[] { me, "/peer/cases/" + id });
		java.util.regex.Pattern title = java.util.regex.Pattern.compile("<h1[^>]*>([^<]*)</h1>");
		for (Object[] page : pages) {
			String[] titles = new String[2];
			int i = 0;
			for (String lang : List.of("en", "es")) {
				String body = mvc.perform(get((String) page[1]).param("lang", lang).with(signedIn((CprUser) page[0])))
					.andExpect(status().isOk())
					.andExpect(content().string(not(containsString("??"))))
					.andReturn()
					.getResponse()
					.getContentAsString();
				java.util.regex.Matcher m = title.matcher(body);
				titles[i++] = m.find() ? m.group(1).strip() : "";
			}
			if (!((String) page[1]).matches(".*/(cases|roster|requests)/.+")) {
				// a page titled with a person's name reads the same in both languages
				assertThat(titles[1]).as(page[1] + " in Spanish").isNotBlank().isNotEqualTo(titles[0]);
			}
		}
	}

}
