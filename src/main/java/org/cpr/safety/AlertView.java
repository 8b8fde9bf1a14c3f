package org.cpr.safety;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * An alert as the counselor inbox shows it: ids and codes, never answers or free text.
 * {@code replyWaiting}: the person answered and no resilience clinician has opened the
 * thread since. {@code coarseTime}: raised from the anonymous check-in, so
 * {@code raisedAt} is the start of its day and the deadline is rounded earlier to the
 * hour; show the day ("today"), never a time of day.
 */
public record AlertView(UUID id, AlertTier tier, Set<String> reasons, String status, String sourceType, PersonId person,
		boolean anonymous, Instant raisedAt, Instant ackDeadline, boolean overdue, PersonId assignedTo,
		int escalationLevel, Instant acknowledgedAt, Disposition disposition, RiskLevel risk, LocalDate nextAttemptOn,
		boolean replyWaiting, boolean coarseTime) {

	/**
	 * Every clinical reason the alert carries (what was answered), sorted; contact
	 * preferences are listed apart ({@link #contactPreferences()}).
	 */
	public java.util.List<String> clinicalReasons() {
		return reasons.stream().filter(r -> !r.startsWith("CONTACT_")).sorted().toList();
	}

	/**
	 * What the person asked for: to be contacted, the channel and the time of day.
	 */
	public java.util.List<String> contactPreferences() {
		return reasons.stream()
			.filter(r -> r.startsWith("CONTACT_"))
			.sorted(java.util.Comparator.comparing((String r) -> !"CONTACT_REQUESTED".equals(r))
				.thenComparing(java.util.Comparator.naturalOrder()))
			.toList();
	}

	/**
	 * The day the alert was raised (UTC); for anonymous check-ins this is all that is
	 * kept.
	 */
	public LocalDate raisedOn() {
		return LocalDate.ofInstant(raisedAt, java.time.ZoneOffset.UTC);
	}

	/**
	 * The channel the person asked to be contacted on (PHONE, EMAIL, VIDEO, IN_PERSON),
	 * or null.
	 */
	public String preferredChannel() {
		return suffixOf("CONTACT_BY_");
	}

	/** The time of day the person prefers (ANY, MORNING, AFTERNOON, EVENING), or null. */
	public String preferredTime() {
		return suffixOf("CONTACT_TIME_");
	}

	private String suffixOf(String prefix) {
		return reasons.stream()
			.filter(r -> r.startsWith(prefix))
			.map(r -> r.substring(prefix.length()))
			.findFirst()
			.orElse(null);
	}
}
