package org.cpr.peersupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.cpr.identity.Accounts;
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
 * The peer support API with real personal access tokens: clear problem details, and a
 * refused call changes nothing.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class PeerSupportApiTests {

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
	JdbcClient jdbc;

	@Autowired
	MutableClock clock;

	PeerFixtures fx;

	PersonId admin;

	@BeforeEach
	void setUp() {
		clock.set(PeerSupportWebTests.START);
		fx = new PeerFixtures(identity, people, roster);
		admin = identity.byUsername("sysadmin").orElseThrow().id();
	}

	/** A bearer token of a new person holding {@code role}. */
	String token(Role role) {
		PersonId p = fx.person(TraineeType.STAFF, "UH-NURS", null);
		return token(p, role);
	}

	String token(PersonId p, Role role) {
		people.grant(p.value(), role, fx.unit("CAMPUS").value(), admin);
		if (role.requiresMfa()) {
			// A token works only once its holder enrolled two-step sign-in (I-25).
			jdbc.sql("UPDATE person SET mfa_enabled = TRUE WHERE id = ?").param(p.value()).update();
		}
		return "Bearer " + accounts.createToken(p, "test", 1).secret();
	}

	ResultActions postJson(String path, String token, String body) throws Exception {
		return mvc
			.perform(post(path).header("Authorization", token).contentType(MediaType.APPLICATION_JSON).content(body));
	}

	long requestsFor(PersonId person) {
		return jdbc.sql("SELECT COUNT(*) FROM peer_request WHERE person_id = ?")
			.param(person.value())
			.query(Long.class)
			.single();
	}

	@Test
	void aCoordinatorMustEnrolTwoStepSignInBeforeAnyPageOrToken() throws Exception {
		PersonId p = fx.person(TraineeType.STAFF, "UH-NURS", null);
		people.grant(p.value(), Role.PEER_SUPPORT_COORDINATOR, fx.unit("CAMPUS").value(), admin);
		String token = "Bearer " + accounts.createToken(p, "test", 1).secret();
		mvc.perform(get("/api/v1/peer/requests").header("Authorization", token)).andExpect(status().isUnauthorized());
		jdbc.sql("UPDATE person SET mfa_enabled = TRUE WHERE id = ?").param(p.value()).update();
		mvc.perform(get("/api/v1/peer/requests").header("Authorization", token)).andExpect(status().isOk());
		// The demo coordinator is sent to enrolment at the first sign-in.
		var session = mvc
			.perform(post("/login").param("username", "peercoord")
				.param("password", "demo-resilience-2026")
				.with(org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors
					.csrf()))
			.andReturn()
			.getRequest()
			.getSession(false);
		mvc.perform(get("/peer/coordinator").session((org.springframework.mock.web.MockHttpSession) session))
			.andExpect(status().is3xxRedirection())
			.andExpect(
					org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern("/mfa/*"));
		// A reach-in referrer needs no second factor: they see only "contact made" or
		// "not yet".
		mvc.perform(get("/api/v1/peer/referrals").header("Authorization", token(Role.REACH_IN_REFERRER)))
			.andExpect(status().isOk());
	}

	@Test
	void badReachInsAreProblemDetailsAndFileNothing() throws Exception {
		String referrer = token(Role.REACH_IN_REFERRER);
		PersonId resident = fx.person(TraineeType.RESIDENT, "SOM-SURG", "PRG-GS");
		String who = fx.username(resident);
		postJson("/api/v1/peer/reach-ins", referrer,
				"{\"eventType\":\"PATIENT_DEATH\",\"eventDate\":\"2026-03-01\",\"people\":[\"" + who
						+ "\",\"no-such-person\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(content().contentType("application/problem+json"))
			.andExpect(jsonPath("$.reason").value("UNKNOWN_PERSON"))
			.andExpect(jsonPath("$.field").value("person"));
		postJson("/api/v1/peer/reach-ins", referrer,
				"{\"eventType\":\"PATIENT_DEATH\",\"eventDate\":\"2026-03-09\",\"people\":[\"" + who + "\"]}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("EVENT_DATE_IN_FUTURE"))
			.andExpect(jsonPath("$.detail").value("The event date cannot be in the future."));
		postJson("/api/v1/peer/reach-ins", referrer,
				"{\"eventType\":\"PATIENT_DEATH\",\"eventDate\":\"2026-03-01\",\"people\":[\"" + who
						+ "\"],\"details\":\"the patient in bed 4 coded\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("INVALID_BODY"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("bed 4"))));
		postJson("/api/v1/peer/reach-ins", referrer,
				"{\"eventType\":\"ALIENS\",\"eventDate\":\"2026-03-01\",\"people\":[\"" + who + "\"]}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.field").value("eventType"));
		assertThat(requestsFor(resident)).isZero();
		postJson("/api/v1/peer/reach-ins", token(Role.PROGRAM_DIRECTOR),
				"{\"eventType\":\"PATIENT_DEATH\",\"eventDate\":\"2026-03-01\",\"people\":[\"" + who + "\"]}")
			.andExpect(status().isForbidden());
		postJson("/api/v1/peer/reach-ins", referrer,
				"{\"eventType\":\"PATIENT_DEATH\",\"eventDate\":\"2026-03-01\",\"people\":[\"" + who + "\"]}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$[0].status").value("NOT_YET"));
		mvc.perform(get("/api/v1/peer/referrals").header("Authorization", referrer))
			.andExpect(jsonPath("$[*].person", hasItem(resident.toString())));
		assertThat(requestsFor(resident)).isOne();
	}

	@Test
	void assigningAnUntrainedSupporterOrASecondSupporterIsRefusedAndChangesNothing() throws Exception {
		String coordinator = token(Role.PEER_SUPPORT_COORDINATOR);
		PersonId untrained = fx.person(TraineeType.RESIDENT, "SOM-EM", "PRG-EM");
		postJson("/api/v1/peer/supporters", coordinator,
				"{\"person\":\"" + fx.username(untrained)
						+ "\",\"profession\":\"RESIDENT\",\"languages\":[\"en\",\"es\"],\"maxLoad\":2}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.training").doesNotExist());
		postJson("/api/v1/peer/supporters", coordinator,
				"{\"person\":\"" + fx.username(untrained) + "\",\"profession\":\"RESIDENT\",\"languages\":[\"en\"]}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("ALREADY_ON_ROSTER"));
		PersonId trained = fx.supporter(TraineeType.RESIDENT, "SOM-PSY", LocalDate.of(2026, 3, 2));
		PersonId resident = fx.person(TraineeType.RESIDENT, "SOM-SURG", "PRG-GS");
		PeerRequestId id = requests.fileReachIn(admin, EventType.LAWSUIT, LocalDate.of(2026, 2, 20), List.of(resident))
			.get(0);
		String path = "/api/v1/peer/requests/" + id + "/assignment";
		postJson(path, coordinator, "{\"supporter\":\"" + untrained + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("SUPPORTER_NOT_TRAINED"));
		postJson(path, coordinator, "{\"supporter\":\"" + fx.username(resident) + "\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("NOT_A_SUPPORTER"));
		postJson(path, coordinator, "{\"supporter\":\"" + trained + "\"}").andExpect(status().isOk())
			.andExpect(jsonPath("$.status").value("ASSIGNED"))
			.andExpect(jsonPath("$.supporter").value(trained.toString()));
		postJson(path, coordinator,
				"{\"supporter\":\"" + fx.supporter(TraineeType.RESIDENT, "SOM-PEDS", LocalDate.of(2026, 3, 2)) + "\"}")
			.andExpect(status().isConflict())
			.andExpect(jsonPath("$.reason").value("ALREADY_ASSIGNED"));
		assertThat(jdbc.sql("SELECT supporter_id FROM peer_request WHERE id = ?")
			.param(id.value())
			.query(java.util.UUID.class)
			.single()).isEqualTo(trained.value());
		// a training through the API makes the first supporter assignable
		postJson("/api/v1/peer/supporters/" + untrained + "/trainings", coordinator,
				"{\"course\":\"Peer support refresher\",\"completedOn\":\"2026-03-01\",\"refresherDue\":\"2028-03-01\"}")
			.andExpect(status().isCreated())
			.andExpect(jsonPath("$.training.refresherDue").value("2028-03-01"));
		postJson("/api/v1/peer/supporters/" + untrained + "/trainings", coordinator,
				"{\"course\":\"Backwards\",\"completedOn\":\"2026-03-01\",\"refresherDue\":\"2025-03-01\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("TRAINING_INVALID"));
		mvc.perform(get("/api/v1/peer/supporters").header("Authorization", coordinator))
			.andExpect(jsonPath("$[*].person", hasItem(untrained.toString())));
	}

	@Test
	void anEncounterWithANoteIsRefusedWholeAndOnlyTheAssignedSupporterCanLogOne() throws Exception {
		PersonId supporter = fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2));
		PersonId nurse = fx.person(TraineeType.NURSE, "CH-NURS", null);
		PeerRequestId id = requests.selfRefer(nurse, null);
		requests.confirm(id, supporter, admin);
		String mine = token(supporter, Role.PEER_SUPPORTER);
		String path = "/api/v1/peer/requests/" + id + "/encounters";
		String valid = "\"occurredOn\":\"2026-03-02\",\"duration\":\"MIN_15_TO_30\",\"type\":\"INDIVIDUAL\","
				+ "\"referredDirectory\":true,\"referredClinician\":false,\"referredEap\":false";
		postJson(path, mine, "{" + valid + ",\"note\":\"she said she could not sleep since the death\"}")
			.andExpect(status().isBadRequest())
			.andExpect(jsonPath("$.reason").value("INVALID_BODY"))
			.andExpect(content().string(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("sleep"))));
		postJson(path, mine, "{\"occurredOn\":\"2026-03-02\",\"duration\":\"MIN_15_TO_30\",\"type\":\"INDIVIDUAL\"}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("ENCOUNTER_INCOMPLETE"));
		postJson(path, mine, "{" + valid.replace("2026-03-02", "2026-03-04") + "}")
			.andExpect(status().isUnprocessableContent())
			.andExpect(jsonPath("$.reason").value("ENCOUNTER_DATE_INVALID"));
		String other = token(fx.supporter(TraineeType.NURSE, "UH-NURS", LocalDate.of(2026, 3, 2)), Role.PEER_SUPPORTER);
		postJson(path, other, "{" + valid + "}").andExpect(status().isNotFound());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM peer_encounter WHERE request_id = ?")
			.param(id.value())
			.query(Long.class)
			.single()).isZero();
		postJson(path, mine, "{" + valid + "}").andExpect(status().isCreated());
		assertThat(
				jdbc.sql("SELECT status FROM peer_request WHERE id = ?").param(id.value()).query(String.class).single())
			.isEqualTo("CONTACTED");
	}

	@Autowired
	org.cpr.identity.RosterImport rosterImport;

	@Test
	void theRosterImportAndTheAdminPagesAcceptThePeerSupportRoles() throws Exception {
		String username = "coord-" + java.util.UUID.randomUUID().toString().substring(0, 8);
		String csv = "username,email,display_name,trainee_type,training_level,program_code,department_code,roles\n"
				+ username + "," + username
				+ "@example.org,Casey Coordinator,STAFF,,,UH-NURS,PEER_SUPPORT_COORDINATOR@CAMPUS;REACH_IN_REFERRER@UH\n";
		assertThat(rosterImport.dryRun(org.cpr.identity.RosterImport.Kind.PEOPLE, csv))
			.allMatch(r -> r.problems().isEmpty());
		rosterImport.apply(org.cpr.identity.RosterImport.Kind.PEOPLE, csv, admin);
		PersonId imported = identity.byUsername(username).orElseThrow().id();
		assertThat(identity.holds(imported, Role.PEER_SUPPORT_COORDINATOR, fx.unit("UH-NURS"))).isTrue();
		assertThat(identity.holds(imported, Role.REACH_IN_REFERRER, fx.unit("UH"))).isTrue();
		mvc.perform(get("/admin/people/" + imported)
			.with(org.cpr.support.TestUsers.signedIn(PeerFixtures.user(admin, Role.SYSTEM_ADMIN))))
			.andExpect(status().isOk())
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Peer support coordinator")))
			.andExpect(content().string(org.hamcrest.Matchers.containsString("Reach-in referrer")));
	}

	@Test
	void theRosterAndRequestsAreDescribedInTheOpenApiDocs() throws Exception {
		mvc.perform(get("/api/docs"))
			.andExpect(jsonPath("$.paths['/api/v1/peer/supporters'].get.summary").exists())
			.andExpect(jsonPath("$.paths['/api/v1/peer/reach-ins'].post.requestBody").exists())
			.andExpect(jsonPath("$.paths['/api/v1/peer/requests/{id}/encounters'].post").exists())
			.andExpect(jsonPath("$.components.schemas.EncounterRequest.properties.referredEap").exists())
			.andExpect(jsonPath("$.paths['/api/v1/peer/debriefs'].get.summary").exists())
			.andExpect(jsonPath(
					"$.paths['/api/v1/peer/debriefs'].post.responses['422'].content['application/problem+json']")
				.exists())
			.andExpect(jsonPath("$.paths['/api/v1/peer/debriefs'].post.requestBody.content['application/json'].example")
				.exists())
			.andExpect(jsonPath("$.paths['/api/v1/peer/debriefs/{id}'].get.responses['404']").exists())
			.andExpect(jsonPath("$.components.schemas.GroupDebriefRequest.properties.attendance").exists());
		assertThat(Instant.now(clock)).isEqualTo(PeerSupportWebTests.START);
	}

}
