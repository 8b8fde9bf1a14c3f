package org.cpr.peersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.cpr.evaluation.InterventionReach;
import org.cpr.evaluation.InterventionType;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.ScopedRole;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.support.MutableClock;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Issue #14, "Privacy and safety": nothing from peer support reaches a program director,
 * an evaluator, an administrator or anyone else who is not the coordinator (or the
 * assigned supporter) about an individual. Every peer support endpoint (the test checks
 * it covers them all, pages and API) is called by a holder of every role but the
 * coordinator's (a supporter and a referrer not involved in the case): the answer is a
 * refusal, or a page with no name, username or id of the person helped, of the supporter
 * or of a person with an open request; and nothing changes, but for the few things anyone
 * may do for themselves (ask for a peer, refer a colleague) and a referrer's reach-in.
 * Evaluation learns a count only.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class PeerSupportPrivacyMatrixTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	@Autowired
	PeerRoster roster;

	@Autowired
	PeerRequests requests;

	@Autowired
	SupporterDebriefs ownDebriefs;

	@Autowired
	GroupDebriefs groupDebriefs;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	@Autowired
	List<InterventionReach> reach;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	PeerFixtures fx;

	static final LocalDate TODAY = LocalDate.of(2026, 3, 2);

	/** What a case under test is made of. */
	record Case(PersonId resident, PersonId waiting, PersonId supporter, PersonId spare, PeerRequestId assigned,
			PeerRequestId open, UUID ownDebrief, UUID groupDebrief, String bystander, String bystander2,
			String bystander3, String unit, String facilitator) {
	}

	record Endpoint(HttpMethod method, String pattern, String path, Map<String, String> params, String json) {
		Endpoint(HttpMethod method, String pattern, String path) {
			this(method, pattern, path, Map.of(), null);
		}
	}

	@BeforeEach
	void setUp() {
		clock.set(PeerSupportWebTests.START);
		fx = new PeerFixtures(identity, people, roster);
	}

	Case makeCase() {
		PersonId coordinator = fx.person(TraineeType.STAFF, "UH-NURS", null);
		PersonId referrer = fx.person(TraineeType.NURSE, "UH-NURS", null);
		PersonId resident = fx.person(TraineeType.RESIDENT, "SOM-MED", "PRG-IM");
		PersonId waiting = fx.person(TraineeType.RESIDENT, "SOM-MED", "PRG-IM");
		PersonId supporter = fx.supporter(TraineeType.RESIDENT, "SOM-SURG", TODAY);
		PersonId spare = fx.supporter(TraineeType.RESIDENT, "SOM-EM", TODAY);
		PeerRequestId assigned = requests
			.fileReachIn(referrer, EventType.PATIENT_DEATH, TODAY.minusDays(1), List.of(resident))
			.get(0);
		requests.confirm(assigned, supporter, coordinator);
		PeerRequestId open = requests.selfRefer(waiting, null);
		roster.checkIn(supporter, 2, false);
		UUID own = ownDebriefs.record(supporter, TODAY, DebriefWith.COORDINATOR, null, DebriefOutcome.SCHEDULED,
				coordinator);
		UUID group = groupDebriefs.record(fx.unit("UH-NURS"), TODAY.minusDays(1), List.of(coordinator), 9, coordinator);
		return new Case(resident, waiting, supporter, spare, assigned, open, own, group,
				fx.username(fx.person(TraineeType.NURSE, "CH-NURS", null)),
				fx.username(fx.person(TraineeType.NURSE, "CH-NURS", null)),
				fx.username(fx.person(TraineeType.NURSE, "CH-NURS", null)), fx.unit("UH-NURS").toString(),
				fx.username(coordinator));
	}

	List<Endpoint> endpoints(Case c) {
		String a = c.assigned().toString();
		String o = c.open().toString();
		String s = c.supporter().toString();
		Map<String, String> encounter = Map.of("occurredOn", "2026-03-02", "duration", "MIN_15_TO_30", "type",
				"INDIVIDUAL", "referredDirectory", "false", "referredClinician", "false", "referredEap", "false");
		String encounterJson = "{\"occurredOn\":\"2026-03-02\",\"duration\":\"MIN_15_TO_30\",\"type\":\"INDIVIDUAL\","
				+ "\"referredDirectory\":false,\"referredClinician\":false,\"referredEap\":false}";
		return List.of(new Endpoint(HttpMethod.GET, "/peer", "/peer"),
				new Endpoint(HttpMethod.POST, "/peer/request", "/peer/request", Map.of("language", "en"), null),
				new Endpoint(HttpMethod.POST, "/peer/refer", "/peer/refer", Map.of("colleague", c.bystander()), null),
				new Endpoint(HttpMethod.GET, "/peer/reach-in", "/peer/reach-in"),
				new Endpoint(HttpMethod.POST, "/peer/reach-in", "/peer/reach-in",
						Map.of("eventType", "LAWSUIT", "eventDate", "2026-03-01", "people", c.bystander2()), null),
				new Endpoint(HttpMethod.GET, "/peer/coordinator", "/peer/coordinator"),
				new Endpoint(HttpMethod.GET, "/peer/coordinator/requests/{id}", "/peer/coordinator/requests/" + a),
				new Endpoint(HttpMethod.POST, "/peer/coordinator/requests/{id}/confirm",
						"/peer/coordinator/requests/" + o + "/confirm", Map.of("supporter", c.spare().toString()),
						null),
				new Endpoint(HttpMethod.GET, "/peer/roster", "/peer/roster"),
				new Endpoint(HttpMethod.POST, "/peer/roster", "/peer/roster",
						Map.of("person", c.bystander3(), "profession", "NURSE", "languages", "en", "maxLoad", "3",
								"available", "true"),
						null),
				new Endpoint(HttpMethod.GET, "/peer/roster/{person}", "/peer/roster/" + s),
				new Endpoint(HttpMethod.POST, "/peer/roster/{person}", "/peer/roster/" + s,
						Map.of("profession", "RESIDENT", "languages", "en,es", "maxLoad", "5", "available", "true"),
						null),
				new Endpoint(HttpMethod.POST, "/peer/roster/{person}/debriefs", "/peer/roster/" + s + "/debriefs",
						Map.of("heldOn", "2026-03-01", "with", "COORDINATOR", "outcome", "DONE"), null),
				new Endpoint(HttpMethod.POST, "/peer/roster/{person}/debriefs/{debrief}",
						"/peer/roster/" + s + "/debriefs/" + c.ownDebrief(), Map.of("outcome", "DONE"), null),
				new Endpoint(HttpMethod.GET, "/peer/debriefs", "/peer/debriefs"),
				new Endpoint(HttpMethod.POST, "/peer/debriefs", "/peer/debriefs",
						Map.of("unit", c.unit(), "heldOn", "2026-03-01", "facilitators", c.facilitator(), "attendance",
								"7"),
						null),
				new Endpoint(HttpMethod.GET, "/peer/cases", "/peer/cases"),
				new Endpoint(HttpMethod.GET, "/peer/cases/{id}", "/peer/cases/" + a),
				new Endpoint(HttpMethod.POST, "/peer/cases/{id}/contacted", "/peer/cases/" + a + "/contacted"),
				new Endpoint(HttpMethod.POST, "/peer/cases/{id}/declined", "/peer/cases/" + a + "/declined"),
				new Endpoint(HttpMethod.POST, "/peer/cases/{id}/close", "/peer/cases/" + a + "/close"),
				new Endpoint(HttpMethod.POST, "/peer/cases/{id}/encounters", "/peer/cases/" + a + "/encounters",
						encounter, null),
				new Endpoint(HttpMethod.POST, "/peer/cases/{id}/crisis", "/peer/cases/" + a + "/crisis"),
				new Endpoint(HttpMethod.POST, "/peer/me/pause", "/peer/me/pause", Map.of("until", "2026-03-10"), null),
				new Endpoint(HttpMethod.POST, "/peer/me/resume", "/peer/me/resume"),
				new Endpoint(HttpMethod.POST, "/peer/me/checkin", "/peer/me/checkin", Map.of("wellbeing", "3"), null),
				new Endpoint(HttpMethod.GET, "/peer/reports", "/peer/reports"),
				new Endpoint(HttpMethod.GET, "/api/v1/peer/supporters", "/api/v1/peer/supporters"),
				new Endpoint(HttpMethod.POST, "/api/v1/peer/supporters", "/api/v1/peer/supporters", Map.of(),
						"{\"person\":\"" + c.bystander3() + "\",\"profession\":\"NURSE\",\"languages\":[\"en\"]}"),
				new Endpoint(HttpMethod.POST, "/api/v1/peer/supporters/{person}/trainings",
						"/api/v1/peer/supporters/" + s + "/trainings", Map.of(),
						"{\"course\":\"Refresher\",\"completedOn\":\"2026-03-01\",\"refresherDue\":\"2028-03-01\"}"),
				new Endpoint(HttpMethod.POST, "/api/v1/peer/reach-ins", "/api/v1/peer/reach-ins", Map.of(),
						"{\"eventType\":\"LAWSUIT\",\"eventDate\":\"2026-03-01\",\"people\":[\"" + c.bystander2()
								+ "\"]}"),
				new Endpoint(HttpMethod.GET, "/api/v1/peer/referrals", "/api/v1/peer/referrals"),
				new Endpoint(HttpMethod.GET, "/api/v1/peer/requests", "/api/v1/peer/requests"),
				new Endpoint(HttpMethod.POST, "/api/v1/peer/requests/{id}/assignment",
						"/api/v1/peer/requests/" + o + "/assignment", Map.of(),
						"{\"supporter\":\"" + c.spare() + "\"}"),
				new Endpoint(HttpMethod.POST, "/api/v1/peer/requests/{id}/encounters",
						"/api/v1/peer/requests/" + a + "/encounters", Map.of(), encounterJson),
				new Endpoint(HttpMethod.GET, "/api/v1/peer/debriefs", "/api/v1/peer/debriefs"),
				new Endpoint(HttpMethod.GET, "/api/v1/peer/debriefs/{id}", "/api/v1/peer/debriefs/" + c.groupDebrief()),
				new Endpoint(HttpMethod.POST, "/api/v1/peer/debriefs", "/api/v1/peer/debriefs", Map.of(),
						"{\"unit\":\"" + c.unit() + "\",\"heldOn\":\"2026-03-01\",\"facilitators\":[\""
								+ c.facilitator() + "\"],\"attendance\":7}"));
	}

	/**
	 * A holder of each role but the coordinator's, with two-step sign-in enrolled where
	 * the role needs it; the program director leads the resident's own program.
	 */
	Map<String, CprUser> viewers() {
		Map<String, CprUser> viewers = new LinkedHashMap<>();
		for (Role role : Role.values()) {
			if (role == Role.PEER_SUPPORT_COORDINATOR) {
				continue;
			}
			PersonId p = fx.person(TraineeType.FACULTY, "SOM-MED", "PRG-IM");
			OrgUnitId scope = switch (role) {
				case PROGRAM_DIRECTOR -> fx.unit("PRG-IM");
				case ADMINISTRATOR, FACILITATOR, GROUP_LEADER -> fx.unit("SOM-MED");
				default -> fx.unit("CAMPUS");
			};
			Set<ScopedRole> grants = Set.of(new ScopedRole(role, scope),
					new ScopedRole(Role.PARTICIPANT, fx.unit("PRG-IM")));
			viewers.put(role.name(), new CprUser(p, fx.username(p), null, "Viewer", grants, true, true));
		}
		return viewers;
	}

	/** What anyone may change for themselves (or a referrer by a reach-in). */
	static boolean mayChange(String role, Endpoint e) {
		return e.pattern().equals("/peer/request") || e.pattern().equals("/peer/refer")
				|| (role.equals("REACH_IN_REFERRER")
						&& (e.pattern().equals("/peer/reach-in") || e.pattern().equals("/api/v1/peer/reach-ins")));
	}

	@Test
	void noRoleButTheCoordinatorsSeesOrChangesAnIndividualsPeerSupportOnAnyEndpoint() throws Exception {
		Case c = makeCase();
		List<String> markers = new ArrayList<>();
		for (PersonId id : List.of(c.resident(), c.waiting(), c.supporter())) {
			PersonSummary p = identity.person(id).orElseThrow();
			markers.add(p.displayName());
			markers.add(p.username());
			markers.add(p.id().toString());
		}
		List<String> failures = new ArrayList<>();
		int calls = 0;
		for (Map.Entry<String, CprUser> viewer : viewers().entrySet()) {
			for (Endpoint e : endpoints(c)) {
				var call = request(e.method(), e.path()).with(csrf()).with(signedIn(viewer.getValue()));
				e.params().forEach((k, v) -> call.param(k, v));
				if (e.json() != null) {
					call.contentType(MediaType.APPLICATION_JSON).content(e.json());
				}
				String before = state();
				MvcResult result;
				try {
					result = mvc.perform(call).andReturn();
				}
				catch (Exception failed) {
					failures.add(viewer.getKey() + " " + e.method() + " " + e.pattern() + " -> threw "
							+ (failed.getCause() == null ? failed : failed.getCause()).getClass().getSimpleName());
					continue;
				}
				calls++;
				int status = result.getResponse().getStatus();
				String body = result.getResponse().getContentAsString();
				boolean refused = status == 403 || status == 404;
				List<String> leaked = markers.stream().filter(body::contains).toList();
				if (!refused && (status >= 500 || !leaked.isEmpty())) {
					failures.add(viewer.getKey() + " " + e.method() + " " + e.pattern() + " -> " + status + " shows "
							+ leaked);
				}
				if (!mayChange(viewer.getKey(), e) && !state().equals(before)) {
					failures.add(viewer.getKey() + " " + e.method() + " " + e.pattern() + " -> " + status
							+ " changed something");
				}
			}
		}
		assertThat(calls).isGreaterThan(400);
		assertThat(failures).isEmpty();

		// the probe can see a leak: the coordinator's page of the request names the
		// person
		CprUser coordinator = PeerFixtures.user(fx.person(TraineeType.STAFF, "UH-NURS", null),
				Role.PEER_SUPPORT_COORDINATOR);
		String coordinatorsView = mvc
			.perform(request(HttpMethod.GET, "/peer/coordinator/requests/" + c.assigned()).with(signedIn(coordinator)))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(coordinatorsView).contains(identity.person(c.resident()).orElseThrow().displayName());
		// and a change by the coordinator does show in the state
		String before = state();
		mvc.perform(request(HttpMethod.POST, "/peer/roster/" + c.supporter() + "/debriefs").with(csrf())
			.with(signedIn(coordinator))
			.param("heldOn", "2026-03-01")
			.param("with", "COORDINATOR")
			.param("outcome", "DONE"));
		assertThat(state()).isNotEqualTo(before);

		// evaluation learns a count, never who
		InterventionReach peer = reach.stream()
			.filter(r -> r.type() == InterventionType.PEER_SUPPORT)
			.findFirst()
			.orElseThrow();
		assertThat(peer.reach(LocalDate.of(2026, 1, 1), LocalDate.of(2027, 1, 1)))
			.isInstanceOf(InterventionReach.Reach.CountOnly.class);
	}

	@Test
	void theMatrixCoversEveryPeerSupportEndpoint() {
		Case c = makeCase();
		Set<String> tested = new TreeSet<>();
		endpoints(c).forEach(e -> tested.add(e.method() + " " + e.pattern()));
		Set<String> declared = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().equals("org.cpr.peersupport")) {
				for (String pattern : info.getPatternValues()) {
					info.getMethodsCondition().getMethods().forEach(m -> declared.add(m.name() + " " + pattern));
				}
			}
		});
		assertThat(tested).isEqualTo(declared);
	}

	/** Everything a call could have changed in peer support (and a crisis alert). */
	String state() {
		return jdbc.sql("""
				SELECT (SELECT COUNT(*) FROM peer_request) || '/' || (SELECT COUNT(*) FROM peer_event) || '/'
				    || (SELECT COUNT(*) FROM peer_request WHERE supporter_id IS NOT NULL) || '/'
				    || (SELECT COUNT(*) FROM peer_request WHERE first_contact_at IS NOT NULL) || '/'
				    || (SELECT COUNT(*) FROM peer_request WHERE closed_at IS NOT NULL) || '/'
				    || (SELECT COUNT(*) FROM peer_encounter) || '/' || (SELECT COUNT(*) FROM peer_supporter) || '/'
				    || (SELECT COALESCE(SUM(max_load), 0) FROM peer_supporter) || '/'
				    || (SELECT COUNT(*) FROM peer_supporter WHERE paused_until IS NOT NULL) || '/'
				    || (SELECT COUNT(*) FROM peer_training) || '/' || (SELECT COUNT(*) FROM peer_group_debrief) || '/'
				    || (SELECT COUNT(*) FROM peer_supporter_debrief) || '/'
				    || (SELECT COUNT(*) FROM peer_supporter_debrief WHERE outcome = 'DONE') || '/'
				    || (SELECT COUNT(*) FROM peer_supporter_checkin) || '/' || (SELECT COUNT(*) FROM safety_alert)""")
			.query(String.class)
			.single();
	}

}
