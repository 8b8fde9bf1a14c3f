package org.cpr.groups;

import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.curriculum.TopicId;
import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Mentoring groups and meetings for other systems and scripts. Coordinators
 * (facilitators) see every group and its members; a leader only the groups they lead; the
 * program only gated attendance counts. A group the caller may not see is a 404, like one
 * that does not exist. Errors are RFC 9457 problem details; a refused input names its
 * {@code field}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Mentoring groups", description = "Groups, members, meetings and confidential attendance")
class GroupsApiController {

	record GroupView(UUID id, UUID cohort, String name, List<String> leaders, int members, String sizeReason) {
		static GroupView of(MentoringGroup g) {
			return new GroupView(g.id(), g.cohort(), g.name(), g.leaderNames(), g.members(), g.sizeReason());
		}
	}

	record MemberView(UUID person, String displayName, String program, String level, boolean agreementAccepted) {
	}

	record MeetingView(UUID id, OffsetDateTime start, OffsetDateTime end, String timeZone, String place, UUID topic,
			String topicTitle, boolean cancelled) {
		static MeetingView of(Meeting m) {
			return new MeetingView(m.id(), m.start().toOffsetDateTime(), m.end().toOffsetDateTime(),
					m.start().getZone().getId(), m.place(), m.topic() == null ? null : m.topic().value(),
					m.topicTitle(), m.cancelled());
		}
	}

	record CountView(UUID meeting, OffsetDateTime start, Long attended, String hiddenBecause) {
	}

	record MeetingSeriesRequest(LocalDate firstDay, LocalTime start, Integer minutes, String timeZone, String place,
			Integer count, Integer everyWeeks, List<UUID> topics) {
	}

	record AttendanceRequest(List<UUID> present) {
	}

	record RollView(UUID person, String displayName, boolean present) {
	}

	private final GroupMembership membership;

	private final GroupMeetings meetings;

	private final MessageSource messages;

	GroupsApiController(GroupMembership membership, GroupMeetings meetings, MessageSource messages) {
		this.membership = membership;
		this.meetings = meetings;
		this.messages = messages;
	}

	@GetMapping("/groups")
	@PreAuthorize("hasAnyRole('FACILITATOR','GROUP_LEADER')")
	@Operation(summary = "Groups the caller coordinates (every group) or leads")
	List<GroupView> groups(@AuthenticationPrincipal CprUser me) {
		List<MentoringGroup> groups = me.hasRole(Role.FACILITATOR) ? allGroups() : membership.ledBy(me.personId());
		return groups.stream().map(GroupView::of).toList();
	}

	@GetMapping("/groups/{id}/members")
	@PreAuthorize("hasAnyRole('FACILITATOR','GROUP_LEADER')")
	@Operation(summary = "Members of a group (its coordinator or leaders only; audited)")
	List<MemberView> members(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		MentoringGroup group = visible(id, me);
		String purpose = group.leaders().contains(me.personId()) ? "group-leadership" : "group-coordination";
		return membership.members(id, me.personId(), purpose)
			.stream()
			.map(m -> new MemberView(m.person().value(), m.displayName(), m.programName(), m.level(), m.agreed()))
			.toList();
	}

	@GetMapping("/groups/{id}/meetings")
	@PreAuthorize("hasAnyRole('FACILITATOR','GROUP_LEADER')")
	@Operation(summary = "Meetings of a group with their topics")
	List<MeetingView> meetingsOf(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		visible(id, me);
		return meetings.meetings(id).stream().map(MeetingView::of).toList();
	}

	@PostMapping("/groups/{id}/meetings")
	@PreAuthorize("hasRole('FACILITATOR')")
	@Operation(summary = "Plan a run of meetings (every N weeks, or monthly on the same weekday when everyWeeks is 0)")
	ResponseEntity<List<UUID>> schedule(@PathVariable UUID id, @RequestBody MeetingSeriesRequest r,
			@AuthenticationPrincipal CprUser me) {
		membership.group(id).orElseThrow(UnknownGroupRecord::new);
		if (r == null) {
			throw new GroupsRefused("firstDay", "groups.meeting.required");
		}
		MeetingSeries series = new MeetingSeries(r.firstDay(), r.start(), r.minutes() == null ? 0 : r.minutes(),
				r.timeZone(), r.place(), r.count() == null ? 0 : r.count(), r.everyWeeks() == null ? 0 : r.everyWeeks(),
				r.topics() == null ? List.of()
						: r.topics().stream().map(t -> t == null ? null : new TopicId(t)).toList());
		return ResponseEntity.status(HttpStatus.CREATED).body(meetings.schedule(id, series, me.personId()));
	}

	@GetMapping("/groups/{id}/attendance-counts")
	@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
	@Operation(summary = "Attendance per held meeting, each count through the disclosure gate (no names)")
	List<CountView> counts(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, Locale locale) {
		MentoringGroup group = membership.group(id).orElseThrow(UnknownGroupRecord::new);
		return meetings.programCounts(group, me.personId(), GroupReportController.viewerRole(me))
			.stream()
			.map(c -> new CountView(c.meeting().id(), c.meeting().start().toOffsetDateTime(), c.count(),
					c.count() == null ? messages.getMessage(c.messageKey(), new Object[] { c.threshold(), 0 },
							c.messageKey(), locale) : null))
			.toList();
	}

	@GetMapping("/meetings/{id}/attendance")
	@PreAuthorize("hasRole('GROUP_LEADER')")
	@Operation(summary = "The roll of a meeting, for the group's leaders only (audited per member)")
	List<RollView> roll(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		return meetings.roll(id, me.personId())
			.stream()
			.map(l -> new RollView(l.person().value(), l.displayName(), l.present()))
			.toList();
	}

	@PutMapping("/meetings/{id}/attendance")
	@PreAuthorize("hasRole('GROUP_LEADER')")
	@Operation(summary = "Record exactly who attended (members of the group only)")
	ResponseEntity<Void> record(@PathVariable UUID id, @RequestBody AttendanceRequest r,
			@AuthenticationPrincipal CprUser me) {
		if (r == null || r.present() == null) {
			throw new GroupsRefused("present", "groups.attendance.present");
		}
		Set<PersonId> present = new HashSet<>();
		r.present().forEach(p -> present.add(new PersonId(p)));
		meetings.record(id, present, me.personId());
		return ResponseEntity.noContent().build();
	}

	@ExceptionHandler(GroupsRefused.class)
	ProblemDetail refused(GroupsRefused refused, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT,
				messages.getMessage(refused.messageKey(), refused.arguments(), refused.messageKey(), locale));
		problem.setProperty("code", refused.messageKey());
		if (refused.field() != null) {
			problem.setProperty("field", refused.field());
		}
		return problem;
	}

	@ExceptionHandler(UnknownGroupRecord.class)
	ProblemDetail unknown(UnknownGroupRecord unknown) {
		return ProblemDetail.forStatusAndDetail(HttpStatus.NOT_FOUND, "No such group or meeting.");
	}

	private MentoringGroup visible(UUID id, CprUser me) {
		MentoringGroup group = membership.group(id).orElseThrow(UnknownGroupRecord::new);
		if (!me.hasRole(Role.FACILITATOR) && !group.leaders().contains(me.personId())) {
			throw new UnknownGroupRecord();
		}
		return group;
	}

	private List<MentoringGroup> allGroups() {
		return membership.allGroups();
	}

}
