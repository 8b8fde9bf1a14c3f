package org.cpr.courses.internal;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import org.cpr.courses.OfferingPlan;
import org.cpr.courses.PlanError;
import org.cpr.courses.SessionPlan;

/**
 * Checks an offering plan before anything is saved; every error names the field it
 * belongs to.
 */
final class PlanRules {

	static final int MAX_SESSIONS = 60;

	private PlanRules() {
	}

	public static List<PlanError> check(OfferingPlan plan) {
		List<PlanError> errors = new ArrayList<>();
		text(errors, "title", plan.title(), 200, true);
		text(errors, "description", plan.description(), 4000, true);
		text(errors, "prerequisites", plan.prerequisites(), 1000, false);
		text(errors, "protectedTimeNote", plan.protectedTimeNote(), 1000, false);
		if (plan.kind() == null) {
			errors.add(new PlanError("kind", "courses.plan.required"));
		}
		if (plan.visibility() == null) {
			errors.add(new PlanError("visibility", "courses.plan.required"));
		}
		if (plan.cancellationCutoffHours() < 0 || plan.cancellationCutoffHours() > 720) {
			errors.add(new PlanError("cancellationCutoffHours", "courses.plan.cutoff"));
		}
		if (plan.sessions().isEmpty()) {
			errors.add(new PlanError("sessions", "courses.plan.noSessions"));
		}
		else if (plan.sessions().size() > MAX_SESSIONS) {
			errors.add(new PlanError("sessions", "courses.plan.tooManySessions"));
		}
		errors.addAll(sessions(plan.sessions(), "sessions"));
		return errors;
	}

	/**
	 * Each session on its own, then overlaps between them (reported on the later
	 * session).
	 */
	public static List<PlanError> sessions(List<SessionPlan> sessions, String prefix) {
		List<PlanError> errors = new ArrayList<>();
		record Timed(int index, Instant start, Instant end) {
		}
		List<Timed> timed = new ArrayList<>();
		for (int i = 0; i < sessions.size(); i++) {
			SessionPlan s = sessions.get(i);
			String at = prefix + "[" + i + "].";
			ZoneId zone = zone(s.timeZone());
			if (zone == null) {
				errors.add(new PlanError(at + "timeZone", "courses.plan.zone"));
			}
			if (s.start() == null) {
				errors.add(new PlanError(at + "start", "courses.plan.required"));
			}
			if (s.end() == null) {
				errors.add(new PlanError(at + "end", "courses.plan.required"));
			}
			if (s.start() != null && s.end() != null && !s.end().isAfter(s.start())) {
				errors.add(new PlanError(at + "end", "courses.plan.endBeforeStart"));
			}
			else if (s.start() != null && s.end() != null && zone != null) {
				timed.add(new Timed(i, s.start().atZone(zone).toInstant(), s.end().atZone(zone).toInstant()));
			}
			if (s.capacity() == null || s.capacity() < 1) {
				errors.add(new PlanError(at + "capacity", "courses.plan.capacity"));
			}
			else if (s.capacity() > 100_000) {
				errors.add(new PlanError(at + "capacity", "courses.plan.capacityTooLarge"));
			}
			boolean hasPlace = s.place() != null && !s.place().isBlank();
			boolean hasLink = s.onlineLink() != null && !s.onlineLink().isBlank();
			if (!hasPlace && !hasLink) {
				errors.add(new PlanError(at + "place", "courses.plan.where"));
			}
			if (hasPlace && s.place().length() > 300) {
				errors.add(new PlanError(at + "place", "courses.plan.tooLong"));
			}
			if (hasLink && (!s.onlineLink().matches("^https://\\S+$") || s.onlineLink().length() > 500)) {
				errors.add(new PlanError(at + "onlineLink", "courses.plan.link"));
			}
		}
		timed.sort(Comparator.comparing(Timed::start));
		for (int i = 1; i < timed.size(); i++) {
			if (timed.get(i).start().isBefore(timed.get(i - 1).end())) {
				errors.add(new PlanError(prefix + "[" + timed.get(i).index() + "].start", "courses.plan.overlap"));
			}
		}
		return errors;
	}

	static ZoneId zone(String id) {
		if (id == null || id.isBlank()) {
			return null;
		}
		try {
			return ZoneId.of(id.strip());
		}
		catch (DateTimeException unknown) {
			return null;
		}
	}

	private static void text(List<PlanError> errors, String field, String value, int max, boolean required) {
		if (value == null || value.isBlank()) {
			if (required) {
				errors.add(new PlanError(field, "courses.plan.required"));
			}
		}
		else if (value.length() > max) {
			errors.add(new PlanError(field, "courses.plan.tooLong"));
		}
	}

}
