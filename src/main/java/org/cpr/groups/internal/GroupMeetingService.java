package org.cpr.groups.internal;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Suppressed;
import org.cpr.disclosure.SuppressionReason;
import org.cpr.groups.GroupMeetings;
import org.cpr.groups.GroupsRefused;
import org.cpr.groups.Meeting;
import org.cpr.groups.MeetingCount;
import org.cpr.groups.MeetingSeries;
import org.cpr.groups.MentoringGroup;
import org.cpr.groups.UnknownGroupRecord;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Meeting series, meetings and attendance over the groups tables ({@link GroupStore}).
 */
@Service("groupMeetings")
class GroupMeetingService implements GroupMeetings {

	static final int MAX_MEETINGS = 24;

	/** Attendance can be recorded from an hour before a meeting starts. */
	static final Duration RECORD_FROM = Duration.ofHours(1);

	private final GroupStore store;

	private final TopicLibrary topics;

	private final IdentityManagement identity;

	private final DisclosureGate gate;

	private final AuditPort audit;

	private final Clock clock;

	GroupMeetingService(GroupStore store, TopicLibrary topics, IdentityManagement identity, DisclosureGate gate,
			AuditPort audit, Clock clock) {
		this.store = store;
		this.topics = topics;
		this.identity = identity;
		this.gate = gate;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public List<UUID> schedule(UUID group, MeetingSeries s, PersonId by) {
		store.group(group).orElseThrow(UnknownGroupRecord::new);
		if (s.firstDay() == null) {
			throw new GroupsRefused("firstDay", "groups.meeting.required");
		}
		if (s.start() == null) {
			throw new GroupsRefused("start", "groups.meeting.required");
		}
		if (s.minutes() < 15 || s.minutes() > 480) {
			throw new GroupsRefused("minutes", "groups.meeting.minutes");
		}
		if (s.count() < 1 || s.count() > MAX_MEETINGS) {
			throw new GroupsRefused("count", "groups.meeting.count", MAX_MEETINGS);
		}
		if (s.everyWeeks() < 0 || s.everyWeeks() > 8) {
			throw new GroupsRefused("everyWeeks", "groups.meeting.every");
		}
		if (s.place() != null && s.place().length() > 300) {
			throw new GroupsRefused("place", "groups.meeting.place");
		}
		ZoneId zone;
		try {
			zone = ZoneId.of(s.timeZone() == null ? "" : s.timeZone().strip());
		}
		catch (DateTimeException bad) {
			throw new GroupsRefused("timeZone", "groups.meeting.zone");
		}
		Set<TopicId> chosen = new HashSet<>(s.topics());
		chosen.remove(null);
		if (topics.byIds(chosen).size() != chosen.size()) {
			throw new GroupsRefused("topics", "groups.meeting.topic");
		}
		ZonedDateTime first = s.firstDay().atTime(s.start()).atZone(zone);
		if (first.toInstant().isBefore(clock.instant())) {
			throw new GroupsRefused("firstDay", "groups.meeting.past");
		}
		List<UUID> ids = new ArrayList<>();
		for (int i = 0; i < s.count(); i++) {
			LocalDate day = s.everyWeeks() > 0 ? s.firstDay().plusWeeks((long) i * s.everyWeeks())
					: sameWeekdayOfMonth(s.firstDay(), i);
			ZonedDateTime start = day.atTime(s.start()).atZone(zone);
			UUID id = UUID.randomUUID();
			TopicId topic = i < s.topics().size() ? s.topics().get(i) : null;
			store.insertMeeting(
					new GroupStore.MeetingRow(id, group, start.toInstant(), start.plusMinutes(s.minutes()).toInstant(),
							zone, blankToNull(s.place()), topic == null ? null : topic.value(), false, 0));
			ids.add(id);
		}
		audit.record(AuditEntry.administration(by, "MENTORING_MEETINGS_SCHEDULED", "mentoring_group", group.toString())
			.detail("meetings=" + ids.size()));
		return ids;
	}

	/**
	 * The same weekday in the same week of the month, {@code months} later (the 2nd
	 * Tuesday stays the 2nd Tuesday).
	 */
	static LocalDate sameWeekdayOfMonth(LocalDate first, int months) {
		int ordinal = Math.min(4, (first.getDayOfMonth() - 1) / 7 + 1);
		return first.plusMonths(months).with(TemporalAdjusters.dayOfWeekInMonth(ordinal, first.getDayOfWeek()));
	}

	@Override
	@Transactional
	public void edit(UUID meeting, LocalDate day, java.time.LocalTime start, int minutes, TopicId topic, PersonId by) {
		GroupStore.MeetingRow m = store.meeting(meeting).orElseThrow(UnknownGroupRecord::new);
		if (m.cancelled() || !m.start().isAfter(clock.instant())) {
			throw new GroupsRefused(null, "groups.meeting.notPlanned");
		}
		if (day == null) {
			throw new GroupsRefused("day", "groups.meeting.required");
		}
		if (start == null) {
			throw new GroupsRefused("start", "groups.meeting.required");
		}
		if (minutes < 15 || minutes > 480) {
			throw new GroupsRefused("minutes", "groups.meeting.minutes");
		}
		if (topic != null && topics.byIds(List.of(topic)).isEmpty()) {
			throw new GroupsRefused("topic", "groups.meeting.topic");
		}
		ZonedDateTime begins = day.atTime(start).atZone(m.zone());
		if (!begins.toInstant().isAfter(clock.instant())) {
			throw new GroupsRefused("day", "groups.meeting.edit.past");
		}
		UUID topicId = topic == null ? null : topic.value();
		if (begins.toInstant().equals(m.start()) && begins.plusMinutes(minutes).toInstant().equals(m.end())
				&& java.util.Objects.equals(topicId, m.topic())) {
			return;
		}
		store.updateMeeting(meeting, begins.toInstant(), begins.plusMinutes(minutes).toInstant(), topicId);
		audit.record(
				AuditEntry.administration(by, "MENTORING_MEETING_CHANGED", "mentoring_meeting", meeting.toString()));
	}

	@Override
	@Transactional
	public void cancel(UUID meeting, PersonId by) {
		if (!store.cancelMeeting(meeting)) {
			throw new UnknownGroupRecord();
		}
		audit.record(
				AuditEntry.administration(by, "MENTORING_MEETING_CANCELLED", "mentoring_meeting", meeting.toString()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Meeting> meetings(UUID group) {
		return views(store.meetings(group));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Meeting> meeting(UUID id) {
		return store.meeting(id).map(m -> views(List.of(m)).get(0));
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Meeting> next(UUID group) {
		Instant now = clock.instant();
		return meetings(group).stream().filter(m -> !m.cancelled() && m.end().toInstant().isAfter(now)).findFirst();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Topic> guides(UUID group) {
		List<TopicId> ids = store.meetings(group)
			.stream()
			.filter(m -> m.topic() != null)
			.map(m -> new TopicId(m.topic()))
			.distinct()
			.toList();
		Map<TopicId, Topic> found = topics.byIds(ids);
		return ids.stream().map(found::get).filter(java.util.Objects::nonNull).toList();
	}

	/**
	 * The roll of a meeting for one of the group's leaders: every view is audited for
	 * each member shown.
	 */
	@Transactional
	public List<RollLine> roll(UUID meeting, PersonId leader) {
		GroupStore.MeetingRow m = leadersMeeting(meeting, leader);
		Set<PersonId> present = store.present(meeting);
		List<PersonId> members = store.members(m.group()).stream().map(GroupStore.MemberRow::person).toList();
		Map<PersonId, String> names = identity.displayNames(members);
		for (PersonId p : members) {
			audit.record(AuditEntry
				.of(leader, "MENTORING_ATTENDANCE_VIEWED", "mentoring_meeting", meeting.toString(), "group-leadership")
				.about(p));
		}
		return members.stream()
			.map(p -> new RollLine(p, names.getOrDefault(p, "?"), present.contains(p)))
			.sorted(java.util.Comparator.comparing(RollLine::displayName))
			.toList();
	}

	@Override
	@Transactional
	public void record(UUID meeting, Set<PersonId> present, PersonId leader) {
		GroupStore.MeetingRow m = leadersMeeting(meeting, leader);
		if (m.cancelled()) {
			throw new GroupsRefused(null, "groups.attendance.cancelled");
		}
		if (clock.instant().isBefore(m.start().minus(RECORD_FROM))) {
			throw new GroupsRefused(null, "groups.attendance.notYet");
		}
		Set<PersonId> members = new HashSet<>();
		store.members(m.group()).forEach(r -> members.add(r.person()));
		if (!members.containsAll(present)) {
			throw new GroupsRefused("present", "groups.attendance.notMember");
		}
		Set<PersonId> before = store.present(meeting);
		for (PersonId p : members) {
			if (present.contains(p) && !before.contains(p)) {
				store.markPresent(meeting, p);
			}
			else if (!present.contains(p) && before.contains(p)) {
				store.markAbsent(meeting, p);
			}
		}
		audit.record(AuditEntry
			.of(leader, "MENTORING_ATTENDANCE_RECORDED", "mentoring_meeting", meeting.toString(), "group-leadership")
			.detail("present=" + present.size()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<MeetingCount> trend(UUID group, PersonId leader) {
		if (!store.leaders(group).contains(leader)) {
			throw new UnknownGroupRecord();
		}
		Map<UUID, List<UUID>> attended = store.attendanceByMeeting(List.of(group));
		Instant now = clock.instant();
		return meetings(group).stream()
			.filter(m -> !m.cancelled() && m.start().toInstant().isBefore(now))
			.map(m -> new MeetingCount(m, (long) attended.getOrDefault(m.id(), List.of()).size(), null, 0))
			.toList();
	}

	@Override
	@Transactional
	public List<MeetingCount> programCounts(MentoringGroup group, PersonId viewer, Role viewerRole) {
		Map<UUID, List<UUID>> attended = store.attendanceByMeeting(List.of(group.id()));
		Instant now = clock.instant();
		List<Meeting> held = meetings(group.id()).stream()
			.filter(m -> !m.cancelled() && m.start().toInstant().isBefore(now))
			.toList();
		List<CellRequest> cells = new ArrayList<>();
		for (Meeting m : held) {
			List<UUID> ids = attended.getOrDefault(m.id(), List.of());
			if (!ids.isEmpty()) {
				cells.add(new CellRequest(m.id().toString(), null, 0, List.of(),
						ids.stream().map(a -> Contribution.value(a.toString(), 1)).toList()));
			}
		}
		Map<String, CellResult> results = new HashMap<>();
		if (!cells.isEmpty()) {
			DisclosurePolicy policy = new DisclosurePolicy(
					Math.max(group.minRespondents(), DisclosurePolicy.DEFAULT_MIN_RESPONDENTS),
					DisclosurePolicy.DEFAULT_MIN_COMMENTS, DisclosurePolicy.DEFAULT_MIN_POSITIVE_COUNT);
			gate.evaluate(new DisclosureRequest(viewer, viewerRole, "groups:" + group.id(), "attendance",
					MeasureType.NUMERIC, policy, cells))
				.forEach(r -> results.put(r.cellKey(), r));
		}
		return held.stream().map(m -> {
			CellResult r = results.get(m.id().toString());
			if (r == null) {
				return new MeetingCount(m, null, "groups.count.noneRecorded", 0);
			}
			return r instanceof Released released ? new MeetingCount(m, released.respondents(), null, 0)
					: new MeetingCount(m, null, countMessage((Suppressed) r), ((Suppressed) r).threshold());
		}).toList();
	}

	private static String countMessage(Suppressed s) {
		return s.reason() == SuppressionReason.TOO_FEW_RESPONSES ? "groups.count.tooFew" : s.messageKey();
	}

	private GroupStore.MeetingRow leadersMeeting(UUID meeting, PersonId leader) {
		GroupStore.MeetingRow m = store.meeting(meeting).orElseThrow(UnknownGroupRecord::new);
		if (!store.leaders(m.group()).contains(leader)) {
			audit.record(AuditEntry
				.of(leader, "MENTORING_ATTENDANCE_VIEWED", "mentoring_meeting", meeting.toString(), "group-leadership")
				.outcome(AuditEntry.Outcome.DENIED));
			throw new UnknownGroupRecord();
		}
		return m;
	}

	List<Meeting> views(List<GroupStore.MeetingRow> rows) {
		Map<TopicId, Topic> found = topics
			.byIds(rows.stream().filter(r -> r.topic() != null).map(r -> new TopicId(r.topic())).distinct().toList());
		return rows.stream().map(r -> {
			TopicId t = r.topic() == null ? null : new TopicId(r.topic());
			Topic topic = t == null ? null : found.get(t);
			return new Meeting(r.id(), r.group(), r.start().atZone(r.zone()), r.end().atZone(r.zone()), r.place(), t,
					topic == null ? null : topic.title(), r.cancelled());
		}).toList();
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
