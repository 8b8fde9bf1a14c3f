package org.cpr.courses;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.curriculum.TopicId;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.format.annotation.DateTimeFormat;

/**
 * The coordinator's form for a new offering: its details and session rows; a row can
 * repeat weekly (a four-week course is one row repeated 4 times). All sessions share one
 * time zone.
 */
record OfferingForm(String title, OfferingKind kind, String description, Set<UUID> topics,
		Set<TraineeType> audienceTypes, Set<UUID> audiencePrograms, Set<Role> audienceRoles, String prerequisites,
		String protectedTimeNote, AttendanceVisibility visibility, Boolean publicListing,
		Integer cancellationCutoffHours, String facilitators, String timeZone, List<SessionRow> sessions) {

	/**
	 * One row of sessions: a date, times, where, capacity, and how many weeks it repeats.
	 */
	record SessionRow(@DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
			@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime start,
			@DateTimeFormat(iso = DateTimeFormat.ISO.TIME) LocalTime end, String place, String onlineLink,
			Integer capacity, Integer weeks) {

		static SessionRow empty() {
			return new SessionRow(null, null, null, "", "", 20, 1);
		}
	}

	static OfferingForm empty(String zone) {
		return new OfferingForm("", null, "", Set.of(), EnumSet.noneOf(TraineeType.class), Set.of(),
				EnumSet.noneOf(Role.class), "", "", AttendanceVisibility.REPORTED_TO_PROGRAM, false, 24, "", zone,
				List.of(SessionRow.empty()));
	}

	/**
	 * The form for a curriculum plan item: its topic, title and summary, for the cohort's
	 * program and trainee type.
	 */
	OfferingForm forPlanItem(String topicTitle, String summary, UUID topic, UUID program, TraineeType type) {
		return new OfferingForm(topicTitle, OfferingKind.SINGLE_SESSION, summary, Set.of(topic),
				type == null ? EnumSet.noneOf(TraineeType.class) : EnumSet.of(type),
				program == null ? Set.of() : Set.of(program), audienceRoles, prerequisites, protectedTimeNote,
				visibility, publicListing, cancellationCutoffHours, facilitators, timeZone, sessions);
	}

	public List<SessionRow> rows() {
		return sessions == null ? List.of() : sessions;
	}

	OfferingForm withExtraRow() {
		List<SessionRow> more = new ArrayList<>(rows());
		more.add(SessionRow.empty());
		return new OfferingForm(title, kind, description, topics, audienceTypes, audiencePrograms, audienceRoles,
				prerequisites, protectedTimeNote, visibility, publicListing, cancellationCutoffHours, facilitators,
				timeZone, more);
	}

	/**
	 * The sessions, each row expanded by its weekly repeats; {@code rowOf} receives each
	 * session's row index.
	 */
	List<SessionPlan> sessionPlans(List<Integer> rowOf) {
		List<SessionPlan> plans = new ArrayList<>();
		for (int i = 0; i < rows().size(); i++) {
			SessionRow r = rows().get(i);
			int weeks = r.weeks() == null || r.weeks() < 1 ? 1 : Math.min(r.weeks(), 52);
			for (int w = 0; w < weeks; w++) {
				LocalDate day = r.date() == null ? null : r.date().plusWeeks(w);
				plans.add(new SessionPlan(day == null || r.start() == null ? null : day.atTime(r.start()),
						day == null || r.end() == null ? null : day.atTime(r.end()), timeZone, r.place(),
						r.onlineLink(), r.capacity()));
				rowOf.add(i);
			}
		}
		return plans;
	}

	OfferingPlan plan(Set<PersonId> facilitatorIds, List<Integer> rowOf) {
		return new OfferingPlan(title, kind, description,
				topics == null ? List.of() : topics.stream().map(TopicId::new).toList(),
				new Audience(audienceTypes == null ? Set.of() : audienceTypes,
						audiencePrograms == null ? Set.of()
								: new LinkedHashSet<>(audiencePrograms.stream().map(OrgUnitId::new).toList()),
						audienceRoles == null ? Set.of() : audienceRoles),
				prerequisites, protectedTimeNote, visibility, Boolean.TRUE.equals(publicListing),
				cancellationCutoffHours == null ? -1 : cancellationCutoffHours, facilitatorIds, sessionPlans(rowOf));
	}
}
