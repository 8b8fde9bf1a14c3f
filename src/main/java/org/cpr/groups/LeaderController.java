package org.cpr.groups;

import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A group leader's pages, phone first: the dashboard (next meeting, members, attendance
 * trend, guides), the roll of a meeting, and a referral to a resilience clinician.
 * Everything is scoped to the groups this person leads; any other group looks like one
 * that does not exist.
 */
@Controller
@RequestMapping("/groups/lead")
@PreAuthorize("hasRole('GROUP_LEADER')")
class LeaderController {

	static final String LIST_VIEW = "groups/lead-list";
	static final String DASHBOARD_VIEW = "groups/dashboard";
	static final String ROLL_VIEW = "groups/roll";
	static final String REFERRAL_VIEW = "groups/referral";

	private final GroupMembership membership;

	private final GroupMeetings meetings;

	private final MessageSource messages;

	LeaderController(GroupMembership membership, GroupMeetings meetings, MessageSource messages) {
		this.membership = membership;
		this.meetings = meetings;
		this.messages = messages;
	}

	@Bean
	static NavigationItem leaderDashboardLink() {
		return new NavigationItem(43, "/groups/lead", "groups.nav.lead", Set.of(Role.GROUP_LEADER));
	}

	@GetMapping
	String list(@AuthenticationPrincipal CprUser me, Model model) {
		List<MentoringGroup> groups = membership.ledBy(me.personId());
		if (groups.size() == 1) {
			return "redirect:/groups/lead/" + groups.get(0).id();
		}
		model.addAttribute("groups", groups);
		return LIST_VIEW;
	}

	@GetMapping("/{id}")
	String dashboard(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		MentoringGroup group = led(id, me);
		model.addAttribute("group", group);
		model.addAttribute("next", meetings.next(group.id()).orElse(null));
		model.addAttribute("members", membership.members(group.id(), me.personId(), "group-leadership"));
		List<MeetingCount> trend = meetings.trend(group.id(), me.personId());
		model.addAttribute("trend", trend);
		model.addAttribute("trendMax",
				trend.stream().mapToLong(c -> c.count() == null ? 0 : c.count()).max().orElse(0));
		model.addAttribute("meetings", meetings.meetings(group.id()));
		model.addAttribute("guides", meetings.guides(group.id()));
		return DASHBOARD_VIEW;
	}

	@GetMapping("/meetings/{meeting}/attendance")
	String roll(@PathVariable String meeting, @AuthenticationPrincipal CprUser me, Model model) {
		return rollPage(model, GroupViews.id(meeting), me, Map.of());
	}

	@PostMapping("/meetings/{meeting}/attendance")
	String record(@PathVariable String meeting, @RequestParam(required = false) List<String> present,
			@AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		UUID id = GroupViews.id(meeting);
		try {
			Set<PersonId> people = new HashSet<>();
			(present == null ? List.<String>of() : present).forEach(p -> people.add(new PersonId(GroupViews.id(p))));
			meetings.record(id, people, me.personId());
			return "redirect:/groups/lead/meetings/" + id + "/attendance?saved";
		}
		catch (GroupsRefused refused) {
			return rollPage(model, id, me, GroupViews.errors(refused, messages, locale));
		}
		catch (UnknownGroupRecord unknown) {
			throw GroupViews.notFound();
		}
	}

	@GetMapping("/{id}/referral")
	String referral(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		return referralPage(model, led(id, me), me, Map.of());
	}

	@PostMapping("/{id}/referral")
	String refer(@PathVariable String id, @RequestParam(defaultValue = "") String member,
			@RequestParam(defaultValue = "") String basis, @RequestParam(defaultValue = "false") boolean confirmed,
			@AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		MentoringGroup group = led(id, me);
		try {
			ReferralBasis chosen = basis.isBlank() ? null : ReferralBasis.valueOf(basis);
			if (member.isBlank()) {
				throw new GroupsRefused("member", "groups.referral.member");
			}
			membership.refer(group.id(), me.personId(), new PersonId(GroupViews.id(member)), chosen, confirmed);
			model.addAttribute("group", group);
			model.addAttribute("crisis", chosen == ReferralBasis.CRISIS_PROTOCOL);
			return "groups/referral-sent";
		}
		catch (GroupsRefused refused) {
			return referralPage(model, group, me, GroupViews.errors(refused, messages, locale));
		}
		catch (IllegalArgumentException unknownBasis) {
			return referralPage(model, group, me,
					Map.of("basis", messages.getMessage("groups.referral.basis", null, locale)));
		}
	}

	private MentoringGroup led(String id, CprUser me) {
		try {
			return membership.led(GroupViews.id(id), me.personId());
		}
		catch (UnknownGroupRecord unknown) {
			throw GroupViews.notFound();
		}
	}

	private String rollPage(Model model, UUID meeting, CprUser me, Map<String, String> errors) {
		try {
			model.addAttribute("roll", meetings.roll(meeting, me.personId()));
		}
		catch (UnknownGroupRecord unknown) {
			throw GroupViews.notFound();
		}
		model.addAttribute("meeting", meetings.meeting(meeting).orElseThrow(GroupViews::notFound));
		model.addAttribute("fieldErrors", errors);
		return ROLL_VIEW;
	}

	private String referralPage(Model model, MentoringGroup group, CprUser me, Map<String, String> errors) {
		model.addAttribute("group", group);
		model.addAttribute("members", membership.members(group.id(), me.personId(), "group-leadership"));
		model.addAttribute("fieldErrors", errors);
		return REFERRAL_VIEW;
	}

}
