package org.cpr.identity;

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
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrlPattern;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;

import org.cpr.shared.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Roster import and people administration on the real database: dry runs, all-or-nothing
 * imports, audited grants. Who may open which administration page, and the forms' field
 * messages, are slice tests ({@link AdminAccessTests}, {@link AdminFormTests}).
 */
@SpringBootTest
@AutoConfigureMockMvc
class RosterAndAdministrationTests {

	static final String HEADER = "username,email,display_name,trainee_type,training_level,program_code,department_code,roles\n";

	@Autowired
	RosterImport roster;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	PeopleAdministration people;

	int people() {
		return jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single();
	}

	@Test
	void dryRunReportsEveryProblemByLineAndFieldAndChangesNothing() {
		int before = people();
		List<RosterRow> rows = roster.dryRun(RosterImport.Kind.PEOPLE,
				HEADER + "kim.lee,kim.lee@example.org,Kim Lee,RESIDENT,PGY2,PRG-IM,SOM-MED,PARTICIPANT@CAMPUS\n"
						+ "bad user,not-an-email,,SURGEON,PGY1,PRG-NOPE,,WIZARD@CAMPUS\n"
						+ "kim.lee,other@example.org,Kim Again,RESIDENT,,,,\n");
		assertThat(rows).hasSize(3);
		assertThat(rows.get(0).ok()).isTrue();
		assertThat(rows.get(1).line()).isEqualTo(3);
		assertThat(rows.get(1).problems()).extracting(RosterRow.Problem::field)
			.contains("username", "email", "display_name", "trainee_type", "program_code", "roles");
		assertThat(rows.get(2).problems()).extracting(RosterRow.Problem::messageKey).contains("roster.duplicateInFile");
		assertThat(people()).isEqualTo(before);
	}

	@Test
	void oneBadRowMeansNothingIsImported() {
		int before = people();
		List<RosterRow> rows = roster.apply(RosterImport.Kind.PEOPLE,
				HEADER + "sam.ortiz,sam.ortiz@example.org,Sam Ortiz,NURSE,,PRG-NRES,UH-NURS,PARTICIPANT@CAMPUS\n"
						+ "lee.wong,lee.wong@example.org,Lee Wong,RESIDENT,PGY9,PRG-IM,SOM-MED,PARTICIPANT@NOWHERE\n",
				null);
		assertThat(rows.get(1).ok()).isFalse();
		assertThat(people()).isEqualTo(before);
	}

	@Test
	void unitsThenPeopleImportWithGrantsAndScopesInherit() {
		List<RosterRow> units = roster.apply(RosterImport.Kind.ORG_UNITS,
				"code,parent_code,kind,name\n" + "SOM-FM,SOM,DEPARTMENT,Department of Family Medicine\n"
						+ "PRG-FM,SOM-FM,PROGRAM,Family Medicine Residency\n",
				null);
		assertThat(units).allMatch(RosterRow::ok);
		List<RosterRow> people = roster.apply(RosterImport.Kind.PEOPLE,
				HEADER + "ana.fm,ana.fm@example.org,Ana Fuentes,RESIDENT,PGY1,PRG-FM,SOM-FM,PARTICIPANT@CAMPUS\n"
						+ "dr.fm,dr.fm@example.org,Dr. Fox,FACULTY,,,SOM-FM,PROGRAM_DIRECTOR@SOM-FM\n",
				null);
		assertThat(people).allMatch(RosterRow::ok);
		var director = identity.audience(List
			.of(identity.orgUnits().stream().filter(u -> u.code().equals("SOM-FM")).findFirst().orElseThrow().id()),
				java.util.Set.of(), java.util.Set.of(Role.PROGRAM_DIRECTOR));
		assertThat(director).extracting(PersonSummary::username).containsExactly("dr.fm");
		var program = identity.orgUnits()
			.stream()
			.filter(u -> u.code().equals("PRG-FM"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(identity.holds(director.get(0).id(), Role.PROGRAM_DIRECTOR, program))
			.as("grant on the department covers its program")
			.isTrue();
		var campusProgram = identity.orgUnits()
			.stream()
			.filter(u -> u.code().equals("PRG-IM"))
			.findFirst()
			.orElseThrow()
			.id();
		assertThat(identity.holds(director.get(0).id(), Role.PROGRAM_DIRECTOR, campusProgram)).isFalse();
	}

	@Test
	void uploadPreviewApplyInTheBrowserFlowAndExportGuardsAgainstFormulas() throws Exception {
		MockHttpSession session = new MockHttpSession();
		var admin = signedIn(as(Role.SYSTEM_ADMIN));
		String csv = HEADER + "eve.calc,eve.calc@example.org,=HYPERLINK(\"http://x\"),STAFF,,,,\n";
		mvc.perform(multipart("/admin/roster/preview")
			.file(new MockMultipartFile("file", "people.csv", "text/csv", csv.getBytes(StandardCharsets.UTF_8)))
			.param("kind", "PEOPLE")
			.session(session)
			.with(admin)
			.with(csrf())).andExpect(status().isOk()).andExpect(content().string(containsString("id=\"apply\"")));
		mvc.perform(post("/admin/roster/apply").session(session).with(admin).with(csrf()))
			.andExpect(content().string(containsString("Imported 1 rows")));
		mvc.perform(get("/admin/roster/people.csv").with(admin))
			.andExpect(content().string(containsString("'=HYPERLINK")))
			.andExpect(content().string(not(containsString(",=HYPERLINK"))));
		mvc.perform(multipart("/admin/roster/preview")
			.file(new MockMultipartFile("file", "people.csv", "text/csv",
					"just,some,columns\n1,2,3\n".getBytes(StandardCharsets.UTF_8)))
			.param("kind", "PEOPLE")
			.with(admin)
			.with(csrf()))
			.andExpect(content().string(containsString("Missing columns")))
			.andExpect(content().string(not(containsString("id=\"apply\""))));
	}

	@Test
	void aGrantIsAuditedAndAUserNameSomeoneHasIsRefusedAtItsField() throws Exception {
		var sysadmin = as(Role.SYSTEM_ADMIN);
		String personId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM person WHERE username = 'resident'")
			.query(String.class)
			.single();
		String unit = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM org_unit WHERE code = 'PRG-IM'")
			.query(String.class)
			.single();
		mvc.perform(post("/admin/people/" + personId + "/grants").param("role", "GROUP_LEADER")
			.param("unit", unit)
			.with(signedIn(sysadmin))
			.with(csrf())).andExpect(status().is3xxRedirection());
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ROLE_GRANTED' AND actor_id = ?")
			.param(sysadmin.personId().value())
			.query(Integer.class)
			.single()).isEqualTo(1);
		mvc.perform(get("/admin/people").with(signedIn(as(Role.ADMINISTRATOR))))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("Alex Rivera")));
		mvc.perform(post("/admin/people").with(signedIn(sysadmin))
			.with(csrf())
			.param("username", "resident")
			.param("email", "someone.new@example.edu")
			.param("displayName", "Someone New")
			.param("traineeType", "RESIDENT"))
			.andExpect(content().string(containsString("Someone already has this user name")));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM person WHERE email = 'someone.new@example.edu'")
			.query(Integer.class)
			.single()).isZero();
	}

	@Test
	void adminPagesShowAPersonsProgramGrantsAndTheOrgTree() throws Exception {
		var sysadmin = signedIn(as(Role.SYSTEM_ADMIN));
		String personId = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM person WHERE username = 'resident'")
			.query(String.class)
			.single();
		String program = jdbc.sql("SELECT CAST(program_id AS VARCHAR) FROM person WHERE username = 'resident'")
			.query(String.class)
			.single();
		String unit = jdbc.sql("SELECT CAST(id AS VARCHAR) FROM org_unit WHERE code = 'PRG-IM'")
			.query(String.class)
			.single();
		String unitName = jdbc.sql("SELECT name FROM org_unit WHERE code = 'PRG-IM'").query(String.class).single();
		String parentName = jdbc
			.sql("SELECT p.name FROM org_unit u JOIN org_unit p ON p.id = u.parent_id WHERE u.code = 'PRG-IM'")
			.query(String.class)
			.single();
		mvc.perform(post("/admin/people/" + personId + "/grants").param("role", "PEER_SUPPORTER")
			.param("unit", unit)
			.with(sysadmin)
			.with(csrf())).andExpect(status().is3xxRedirection());
		mvc.perform(get("/admin/people/" + personId).with(sysadmin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("value=\"" + program + "\" selected=\"selected\"")))
			.andExpect(content().string(containsString(unitName)))
			.andExpect(content().string(containsString("/grants/")));
		mvc.perform(get("/admin/org-units").with(sysadmin))
			.andExpect(status().isOk())
			.andExpect(content().string(containsString("<td><span>" + parentName + "</span></td>")));
	}

	@Test
	void aPersonCreatedAsInactiveCannotSignInUntilReactivated() throws Exception {
		String username = "i" + java.util.UUID.randomUUID().toString().substring(0, 12);
		java.util.UUID person = people.create(new PeopleAdministration.PersonDetails(username,
				username + "@test.cpr.example", "Later " + username, TraineeType.RESIDENT, "PGY1", null, null, false),
				null);
		assertThat(people.person(person).orElseThrow().active()).isFalse();
		String password = "orange-kettle-walks-slowly-42";
		assertThat(people.setPassword(person, password, null)).isEmpty();
		mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
			r.setRemoteAddr("203.0.113.77");
			return r;
		})).andExpect(redirectedUrlPattern("/login?error*"));
		assertThat(jdbc.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'PERSON_DEACTIVATED' AND record_id = ?")
			.param(person.toString())
			.query(Integer.class)
			.single()).isEqualTo(1);
		// reactivated, the same password signs in: the refusal above was the inactive
		// flag
		people.update(person, new PeopleAdministration.PersonDetails(username, username + "@test.cpr.example",
				"Later " + username, TraineeType.RESIDENT, "PGY1", null, null, true), null);
		mvc.perform(post("/login").param("username", username).param("password", password).with(csrf()).with(r -> {
			r.setRemoteAddr("203.0.113.78");
			return r;
		}))
			.andExpect(status().is3xxRedirection())
			.andExpect(result -> assertThat(result.getResponse().getRedirectedUrl()).doesNotContain("/login"));
	}

	@Test
	void aGrantByThePlatformItselfIsStoredAndAuditedWithoutAnActorInsteadOfFailing() {
		String username = "g" + java.util.UUID.randomUUID().toString().substring(0, 12);
		java.util.UUID person = people.create(new PeopleAdministration.PersonDetails(username,
				username + "@test.cpr.example", "Grant " + username, TraineeType.RESIDENT, "PGY1", null, null, true),
				null);
		java.util.UUID campus = identity.orgUnits()
			.stream()
			.filter(u -> u.parent() == null)
			.findFirst()
			.orElseThrow()
			.id()
			.value();
		assertThat(people.grant(person, Role.PARTICIPANT, campus, null)).isTrue();
		assertThat(people.grantsOf(person)).extracting(GrantedRole::role).containsExactly(Role.PARTICIPANT);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM role_grant WHERE person_id = ? AND granted_by IS NULL")
			.param(person)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(jdbc
			.sql("SELECT COUNT(*) FROM audit_log WHERE action = 'ROLE_GRANTED' AND subject_id = ? AND actor_id IS NULL")
			.param(person)
			.query(Integer.class)
			.single()).isEqualTo(1);
		assertThat(people.grant(person, Role.PARTICIPANT, campus, null)).as("the same grant twice").isFalse();
	}

}
