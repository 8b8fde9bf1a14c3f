package org.cpr.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * What the program sees of its mentoring groups: per group, its size and leaders, and per
 * held meeting how many attended, each count through the disclosure gate. No names, no
 * one's attendance.
 */
@Controller
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
class GroupReportController {

	static final String VIEW = "groups/report";

	/** One group's row of the report. */
	record GroupRow(MentoringGroup group, List<MeetingCount> counts) {
	}

	/** One cohort's block of the report. */
	record CohortBlock(Cohort cohort, List<GroupRow> groups) {
	}

	private final Cohorts cohorts;

	private final GroupMembership membership;

	private final GroupMeetings meetings;

	GroupReportController(Cohorts cohorts, GroupMembership membership, GroupMeetings meetings) {
		this.cohorts = cohorts;
		this.membership = membership;
		this.meetings = meetings;
	}

	@Bean
	static NavigationItem groupReportLink() {
		return new NavigationItem(45, "/groups/report", "groups.nav.report",
				Set.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.FACILITATOR));
	}

	@GetMapping("/groups/report")
	String report(@AuthenticationPrincipal CprUser me, Model model) {
		Role role = viewerRole(me);
		List<CohortBlock> blocks = new ArrayList<>();
		for (Cohort c : cohorts.all()) {
			List<GroupRow> rows = membership.groupsOfCohort(c.id())
				.stream()
				.map(g -> new GroupRow(g, meetings.programCounts(g, me.personId(), role)))
				.toList();
			if (!rows.isEmpty()) {
				blocks.add(new CohortBlock(c, rows));
			}
		}
		model.addAttribute("cohorts", blocks);
		return VIEW;
	}

	static Role viewerRole(CprUser me) {
		return me.hasRole(Role.PROGRAM_DIRECTOR) ? Role.PROGRAM_DIRECTOR
				: me.hasRole(Role.ADMINISTRATOR) ? Role.ADMINISTRATOR : Role.FACILITATOR;
	}

}
