package org.cpr.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A member's own view: their group, its leaders and meetings (with topics), and the
 * confidentiality agreement, accepted once; fellow members' names appear after accepting
 * it.
 */
@Controller
class MyGroupController {

	static final String VIEW = "groups/mine";

	/** One of the person's groups as they see it. */
	record MyGroup(MentoringGroup group, boolean agreed, List<String> fellows, List<Meeting> upcoming) {
	}

	private final GroupMembership membership;

	private final GroupMeetings meetings;

	private final java.time.Clock clock;

	MyGroupController(GroupMembership membership, GroupMeetings meetings, java.time.Clock clock) {
		this.membership = membership;
		this.meetings = meetings;
		this.clock = clock;
	}

	@Bean
	static NavigationItem myGroupLink() {
		return new NavigationItem(42, "/groups/mine", "groups.nav.mine", Set.of(Role.PARTICIPANT));
	}

	@GetMapping("/groups/mine")
	String mine(@AuthenticationPrincipal CprUser me, Model model) {
		List<MyGroup> groups = new ArrayList<>();
		for (MentoringGroup g : membership.memberOf(me.personId())) {
			boolean agreed = membership.agreed(g.id(), me.personId()).orElse(false);
			List<Meeting> upcoming = meetings.meetings(g.id())
				.stream()
				.filter(m -> m.end().toInstant().isAfter(clock.instant()))
				.toList();
			groups.add(new MyGroup(g, agreed, membership.fellowMembers(g.id(), me.personId()), upcoming));
		}
		model.addAttribute("groups", groups);
		return VIEW;
	}

	@PostMapping("/groups/mine/{id}/agreement")
	String accept(@PathVariable String id, @AuthenticationPrincipal CprUser me) {
		UUID group = GroupViews.id(id);
		try {
			membership.acceptAgreement(group, me.personId());
		}
		catch (UnknownGroupRecord notAMember) {
			throw GroupViews.notFound();
		}
		return "redirect:/groups/mine?accepted";
	}

}
