package org.cpr.groups;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.springframework.context.MessageSource;
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
 * The coordinator's page of one group: members and why each sits here, moving someone to
 * another group of the cohort, and planning the group's recurring meetings with a topic
 * each. Attendance is not shown here: only the group's leaders see who came.
 */
@Controller
@RequestMapping("/groups/manage")
@PreAuthorize("hasRole('FACILITATOR')")
class GroupAdminController {

	static final String VIEW = "groups/manage";

	static final String EDIT_VIEW = "groups/meeting-edit";

	static final String DEFAULT_ZONE = "America/Denver";

	record ScheduleForm(String firstDay, String start, Integer minutes, String timeZone, String place, Integer count,
			Integer everyWeeks, List<String> topics) {
		static ScheduleForm empty() {
			return new ScheduleForm("", "17:00", 60, DEFAULT_ZONE, "", 6, 0, List.of());
		}
	}

	private final Cohorts cohorts;

	private final GroupMembership membership;

	private final GroupMeetings meetings;

	private final TopicLibrary topics;

	private final MessageSource messages;

	private final java.time.Clock clock;

	GroupAdminController(Cohorts cohorts, GroupMembership membership, GroupMeetings meetings, TopicLibrary topics,
			MessageSource messages, java.time.Clock clock) {
		this.clock = clock;
		this.cohorts = cohorts;
		this.membership = membership;
		this.meetings = meetings;
		this.topics = topics;
		this.messages = messages;
	}

	@GetMapping("/{id}")
	String group(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		return page(model, GroupViews.id(id), me, ScheduleForm.empty(), Map.of());
	}

	@PostMapping("/{id}/move")
	String move(@PathVariable String id, @RequestParam(defaultValue = "") String person,
			@RequestParam(defaultValue = "") String target, @RequestParam(defaultValue = "") String sizeReason,
			@AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		UUID group = GroupViews.id(id);
		try {
			membership.group(group).orElseThrow(UnknownGroupRecord::new);
			if (target.isBlank()) {
				throw new GroupsRefused("target", "groups.move.target");
			}
			cohorts.move(group, new PersonId(GroupViews.id(person)), GroupViews.id(target), sizeReason, me.personId());
			return "redirect:/groups/manage/" + group + "?moved";
		}
		catch (GroupsRefused refused) {
			model.addAttribute("moveReason", sizeReason);
			return page(model, group, me, ScheduleForm.empty(), GroupViews.errors(refused, messages, locale));
		}
	}

	@PostMapping("/{id}/meetings")
	String schedule(@PathVariable String id, ScheduleForm form, @AuthenticationPrincipal CprUser me, Model model,
			Locale locale) {
		UUID group = GroupViews.id(id);
		try {
			meetings.schedule(group, series(form), me.personId());
			return "redirect:/groups/manage/" + group + "?scheduled";
		}
		catch (GroupsRefused refused) {
			return page(model, group, me, form, GroupViews.errors(refused, messages, locale));
		}
	}

	@PostMapping("/{id}/meetings/{meeting}/cancel")
	String cancel(@PathVariable String id, @PathVariable String meeting, @AuthenticationPrincipal CprUser me) {
		UUID group = GroupViews.id(id);
		UUID m = GroupViews.id(meeting);
		if (meetings.meetings(group).stream().noneMatch(x -> x.id().equals(m))) {
			throw GroupViews.notFound();
		}
		meetings.cancel(m, me.personId());
		return "redirect:/groups/manage/" + group + "?cancelled";
	}

	/** What the coordinator may change of a planned meeting. */
	record MeetingEditForm(String day, String start, Integer minutes, String topic) {
	}

	@GetMapping("/{id}/meetings/{meeting}/edit")
	String editMeeting(@PathVariable String id, @PathVariable String meeting, Model model) {
		Meeting m = groupsMeeting(GroupViews.id(id), GroupViews.id(meeting));
		return editPage(model, m,
				new MeetingEditForm(m.start().toLocalDate().toString(), m.start().toLocalTime().toString(),
						(int) java.time.Duration.between(m.start(), m.end()).toMinutes(),
						m.topic() == null ? "" : m.topic().value().toString()),
				Map.of());
	}

	@PostMapping("/{id}/meetings/{meeting}/edit")
	String saveMeeting(@PathVariable String id, @PathVariable String meeting, MeetingEditForm form,
			@AuthenticationPrincipal CprUser me, Model model, Locale locale) {
		UUID group = GroupViews.id(id);
		Meeting m = groupsMeeting(group, GroupViews.id(meeting));
		try {
			LocalDate day = parse(form.day(), "day", LocalDate::parse);
			LocalTime start = parse(form.start(), "start", LocalTime::parse);
			TopicId topic = form.topic() == null || form.topic().isBlank() ? null
					: new TopicId(parse(form.topic(), "topic", UUID::fromString));
			meetings.edit(m.id(), day, start, form.minutes() == null ? 0 : form.minutes(), topic, me.personId());
			return "redirect:/groups/manage/" + group + "?changed";
		}
		catch (GroupsRefused refused) {
			return editPage(model, m, form, GroupViews.errors(refused, messages, locale));
		}
	}

	private Meeting groupsMeeting(UUID group, UUID meeting) {
		return meetings.meetings(group)
			.stream()
			.filter(x -> x.id().equals(meeting))
			.findFirst()
			.orElseThrow(GroupViews::notFound);
	}

	private String editPage(Model model, Meeting m, MeetingEditForm form, Map<String, String> errors) {
		model.addAttribute("group", membership.group(m.group()).orElseThrow(GroupViews::notFound));
		model.addAttribute("meeting", m);
		model.addAttribute("topics", topics.search(null, null, null, false));
		model.addAttribute("form", form);
		model.addAttribute("fieldErrors", errors);
		return EDIT_VIEW;
	}

	private static MeetingSeries series(ScheduleForm f) {
		LocalDate day = parse(f.firstDay(), "firstDay", LocalDate::parse);
		LocalTime start = parse(f.start(), "start", LocalTime::parse);
		List<TopicId> chosen = new ArrayList<>();
		for (String t : f.topics() == null ? List.<String>of() : f.topics()) {
			chosen.add(t == null || t.isBlank() ? null : new TopicId(parse(t, "topics", UUID::fromString)));
		}
		return new MeetingSeries(day, start, f.minutes() == null ? 0 : f.minutes(), f.timeZone(), f.place(),
				f.count() == null ? 0 : f.count(), f.everyWeeks() == null ? 0 : f.everyWeeks(), chosen);
	}

	private static <T> T parse(String text, String field, java.util.function.Function<String, T> parser) {
		if (text == null || text.isBlank()) {
			throw new GroupsRefused(field, "groups.meeting.required");
		}
		try {
			return parser.apply(text.strip());
		}
		catch (RuntimeException bad) {
			throw new GroupsRefused(field, "groups.meeting.format");
		}
	}

	private String page(Model model, UUID id, CprUser me, ScheduleForm form, Map<String, String> errors) {
		MentoringGroup group = membership.group(id).orElseThrow(GroupViews::notFound);
		model.addAttribute("group", group);
		model.addAttribute("members", membership.members(id, me.personId(), "group-coordination"));
		model.addAttribute("siblings",
				membership.groupsOfCohort(group.cohort()).stream().filter(g -> !g.id().equals(id)).toList());
		model.addAttribute("meetings", meetings.meetings(id));
		model.addAttribute("now", clock.instant());
		model.addAttribute("topics", topics.search(null, null, null, false));
		model.addAttribute("form", form);
		model.addAttribute("fieldErrors", errors);
		return VIEW;
	}

}
