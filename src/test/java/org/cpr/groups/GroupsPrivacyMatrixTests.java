package org.cpr.groups;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.groups.GroupsFixture.demo;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.Role;
import org.cpr.support.MutableClockConfiguration;
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
 * Issue #14, "Privacy and safety": nothing from the groups module reaches a program
 * director, an administrator, an evaluator or a researcher about an individual. Every
 * groups endpoint (the test checks it covers them all) is called as each of those roles;
 * the answer is a refusal (403/404), or a page with no member's name, username or id in
 * it, and nothing changes.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class GroupsPrivacyMatrixTests {

	@Autowired
	MockMvc mvc;

	@Autowired
	IdentityManagement identity;

	@Autowired
	GroupMembership membership;

	@Autowired
	GroupMeetings meetings;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	record Endpoint(HttpMethod method, String pattern, String path, String body) {
	}

	List<Endpoint> endpoints(MentoringGroup g, Meeting m, PersonSummary member) {
		String gid = g.id().toString();
		String mid = m.id().toString();
		String json = "{\"present\":[\"" + member.id() + "\"]}";
		String plan = "{\"firstDay\":\"2031-01-07\",\"start\":\"17:00\",\"minutes\":60,\"timeZone\":\"America/Denver\",\"count\":1}";
		return List.of(new Endpoint(HttpMethod.GET, "/groups/cohorts", "/groups/cohorts", null),
				new Endpoint(HttpMethod.POST, "/groups/cohorts", "/groups/cohorts?name=Spy&traineeType=RESIDENT", null),
				new Endpoint(HttpMethod.GET, "/groups/cohorts/{id}", "/groups/cohorts/" + g.cohort(), null),
				new Endpoint(HttpMethod.POST, "/groups/cohorts/{id}/proposal",
						"/groups/cohorts/" + g.cohort() + "/proposal?leaders=leader", null),
				new Endpoint(HttpMethod.POST, "/groups/cohorts/{id}/groups",
						"/groups/cohorts/" + g.cohort() + "/groups?leaders=leader", null),
				new Endpoint(HttpMethod.GET, "/groups/manage/{id}", "/groups/manage/" + gid, null),
				new Endpoint(HttpMethod.POST, "/groups/manage/{id}/move",
						"/groups/manage/" + gid + "/move?person=" + member.id() + "&target=" + gid, null),
				new Endpoint(HttpMethod.POST, "/groups/manage/{id}/meetings",
						"/groups/manage/" + gid + "/meetings?firstDay=2031-01-07&start=17:00", null),
				new Endpoint(HttpMethod.POST, "/groups/manage/{id}/meetings/{meeting}/cancel",
						"/groups/manage/" + gid + "/meetings/" + mid + "/cancel", null),
				new Endpoint(HttpMethod.GET, "/groups/conflicts", "/groups/conflicts", null),
				new Endpoint(HttpMethod.POST, "/groups/conflicts/preview",
						"/groups/conflicts/preview?csv=trainee,evaluator", null),
				new Endpoint(HttpMethod.POST, "/groups/conflicts/apply",
						"/groups/conflicts/apply?csv=trainee,evaluator", null),
				new Endpoint(HttpMethod.GET, "/groups/lead", "/groups/lead", null),
				new Endpoint(HttpMethod.GET, "/groups/lead/{id}", "/groups/lead/" + gid, null),
				new Endpoint(HttpMethod.GET, "/groups/lead/meetings/{meeting}/attendance",
						"/groups/lead/meetings/" + mid + "/attendance", null),
				new Endpoint(HttpMethod.POST, "/groups/lead/meetings/{meeting}/attendance",
						"/groups/lead/meetings/" + mid + "/attendance", null),
				new Endpoint(HttpMethod.GET, "/groups/lead/{id}/referral", "/groups/lead/" + gid + "/referral", null),
				new Endpoint(HttpMethod.POST, "/groups/lead/{id}/referral",
						"/groups/lead/" + gid + "/referral?member=" + member.id()
								+ "&basis=CRISIS_PROTOCOL&confirmed=true",
						null),
				new Endpoint(HttpMethod.GET, "/groups/mine", "/groups/mine", null),
				new Endpoint(
						HttpMethod.POST, "/groups/mine/{id}/agreement", "/groups/mine/" + gid + "/agreement", null),
				new Endpoint(HttpMethod.GET, "/groups/report", "/groups/report", null),
				new Endpoint(HttpMethod.GET, "/groups/report/{id}/feedback", "/groups/report/" + gid + "/feedback",
						null),
				new Endpoint(HttpMethod.GET, "/groups/lead/{id}/feedback", "/groups/lead/" + gid + "/feedback", null),
				new Endpoint(HttpMethod.GET, "/groups/cohorts/{id}/people", "/groups/cohorts/" + g.cohort() + "/people",
						null),
				new Endpoint(HttpMethod.POST, "/groups/cohorts/{id}/people",
						"/groups/cohorts/" + g.cohort() + "/people?person=resident", null),
				new Endpoint(HttpMethod.POST, "/groups/cohorts/{id}/people/{person}/remove",
						"/groups/cohorts/" + g.cohort() + "/people/" + member.id() + "/remove", null),
				new Endpoint(HttpMethod.GET, "/groups/manage/{id}/meetings/{meeting}/edit",
						"/groups/manage/" + gid + "/meetings/" + mid + "/edit", null),
				new Endpoint(HttpMethod.POST, "/groups/manage/{id}/meetings/{meeting}/edit",
						"/groups/manage/" + gid + "/meetings/" + mid + "/edit?day=2031-01-07&start=17:00&minutes=60",
						null),
				new Endpoint(HttpMethod.GET, "/api/v1/groups", "/api/v1/groups", null),
				new Endpoint(HttpMethod.GET, "/api/v1/groups/{id}/members", "/api/v1/groups/" + gid + "/members", null),
				new Endpoint(HttpMethod.GET, "/api/v1/groups/{id}/meetings", "/api/v1/groups/" + gid + "/meetings",
						null),
				new Endpoint(HttpMethod.POST, "/api/v1/groups/{id}/meetings", "/api/v1/groups/" + gid + "/meetings",
						plan),
				new Endpoint(HttpMethod.GET, "/api/v1/groups/{id}/attendance-counts",
						"/api/v1/groups/" + gid + "/attendance-counts", null),
				new Endpoint(HttpMethod.GET, "/api/v1/meetings/{id}/attendance",
						"/api/v1/meetings/" + mid + "/attendance", null),
				new Endpoint(HttpMethod.PUT, "/api/v1/meetings/{id}/attendance",
						"/api/v1/meetings/" + mid + "/attendance", json));
	}

	/**
	 * The program director, administrator and researcher logins, and an attending
	 * evaluator who is a leader of another group.
	 */
	Map<String, CprUser> viewers() {
		Map<String, CprUser> viewers = new LinkedHashMap<>();
		viewers.put("program director", demo(identity, "director", Role.PROGRAM_DIRECTOR, Role.PARTICIPANT));
		viewers.put("administrator", demo(identity, "admin", Role.ADMINISTRATOR, Role.PARTICIPANT));
		viewers.put("researcher", demo(identity, "researcher", Role.RESEARCHER, Role.PARTICIPANT));
		viewers.put("evaluator (a leader of another group)",
				demo(identity, "clinician", Role.GROUP_LEADER, Role.PARTICIPANT));
		return viewers;
	}

	@Test
	void noProgramDirectorAdministratorEvaluatorOrResearcherSeesAnIndividualsParticipation() throws Exception {
		MentoringGroup group = GroupsFixture.leadersGroup(membership, identity);
		Meeting held = meetings.meetings(group.id()).get(0);
		List<GroupMember> members = membership.members(group.id(), null, "test");
		PersonSummary member = identity.person(members.get(0).person()).orElseThrow();
		List<String> markers = new ArrayList<>();
		for (GroupMember m : members) {
			PersonSummary p = identity.person(m.person()).orElseThrow();
			markers.add(p.displayName());
			markers.add(p.username());
			markers.add(p.id().toString());
		}
		String before = state();
		List<String> failures = new ArrayList<>();
		for (Map.Entry<String, CprUser> viewer : viewers().entrySet()) {
			for (Endpoint e : endpoints(group, held, member)) {
				var call = request(e.method(), e.path()).with(csrf()).with(signedIn(viewer.getValue()));
				if (e.body() != null) {
					call = call.contentType(MediaType.APPLICATION_JSON).content(e.body());
				}
				MvcResult result = mvc.perform(call).andReturn();
				int status = result.getResponse().getStatus();
				String body = result.getResponse().getContentAsString();
				boolean refused = status == 403 || status == 404;
				List<String> leaked = markers.stream().filter(body::contains).toList();
				if (!refused && (status >= 500 || !leaked.isEmpty())) {
					failures.add(viewer.getKey() + " " + e.method() + " " + e.pattern() + " -> " + status + " shows "
							+ leaked);
				}
			}
		}
		assertThat(failures).isEmpty();
		assertThat(state()).as("nothing changed").isEqualTo(before);
		// the probe can see a leak: the coordinator's page of the group does list the
		// members
		String coordinatorsView = mvc
			.perform(request(HttpMethod.GET, "/groups/manage/" + group.id())
				.with(signedIn(demo(identity, "facilitator", Role.FACILITATOR))))
			.andReturn()
			.getResponse()
			.getContentAsString();
		assertThat(markers).anyMatch(coordinatorsView::contains);
	}

	@Test
	void theMatrixCoversEveryGroupsEndpoint() {
		MentoringGroup group = GroupsFixture.leadersGroup(membership, identity);
		Set<String> tested = new TreeSet<>();
		endpoints(group, meetings.meetings(group.id()).get(0), identity.byUsername("resident").orElseThrow())
			.forEach(e -> tested.add(e.method() + " " + e.pattern()));
		Set<String> declared = new TreeSet<>();
		mappings.getHandlerMethods().forEach((info, method) -> {
			if (method.getBeanType().getPackageName().equals("org.cpr.groups")) {
				for (String pattern : info.getPatternValues()) {
					info.getMethodsCondition().getMethods().forEach(m -> declared.add(m.name() + " " + pattern));
				}
			}
		});
		assertThat(tested).isEqualTo(declared);
	}

	/** Everything a refused call could have changed. */
	String state() {
		return jdbc
			.sql("SELECT (SELECT COUNT(*) FROM mentoring_cohort) || '/' || (SELECT COUNT(*) FROM mentoring_group_member) || '/' "
					+ "|| (SELECT COUNT(*) FROM mentoring_attendance) || '/' || (SELECT COUNT(*) FROM mentoring_meeting WHERE cancelled = FALSE) || '/' "
					+ "|| (SELECT COUNT(*) FROM mentoring_referral) || '/' || (SELECT COUNT(*) FROM mentoring_conflict) || '/' "
					+ "|| (SELECT COUNT(*) FROM mentoring_group_member WHERE agreement_accepted_at IS NOT NULL) || '/' "
					+ "|| (SELECT COUNT(*) FROM mentoring_cohort_member) || '/' "
					+ "|| (SELECT COALESCE(SUM(ical_sequence), 0) FROM mentoring_meeting)")
			.query(String.class)
			.single();
	}

}
