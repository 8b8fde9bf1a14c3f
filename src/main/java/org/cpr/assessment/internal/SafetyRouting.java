package org.cpr.assessment.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.sql.Timestamp;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import net.javacrumbs.shedlock.spring.annotation.SchedulerLock;
import org.cpr.assessment.ContactChoice;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyConcern;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * What happens when a snapshot needs a clinician. A high-risk result raises a
 * pseudonymous concern in the submission's own transaction (event publication registry,
 * so a crash between commit and delivery loses nothing; I-22): a clinician reviews the
 * answers without knowing who. The person then chooses on the results page: stay private
 * (nothing more happens) or ask to be contacted — only then does their identity go into
 * the concern, which the safety module attaches to the same alert (the alert id is
 * derived from the submission, so there is exactly one alert per submission). Nobody is
 * contacted without the choice; a program director is never told.
 */
@Component
class SafetyRouting {

	/** Why a snapshot needs a clinician. */
	public record Risk(AlertTier tier, Set<String> reasons) {
	}

	public static final String PENDING = "PENDING";

	public static final String NONE = "NONE";
	static final String AUTO = "AUTO_PRIVATE";

	private final JdbcClient jdbc;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration grace;

	SafetyRouting(JdbcClient jdbc, ApplicationEventPublisher events, Clock clock,
			@Value("${cpr.snapshot.choice-grace:PT10M}") Duration grace) {
		this.jdbc = jdbc;
		this.events = events;
		this.clock = clock;
		this.grace = grace;
	}

	/**
	 * The risk in a set of scored instruments, if any: SAFETY flags (PHQ-9 item 9 > 0,
	 * ASQ yes, PC-PTSD-5 ≥ 3, top burnout option). Why this differs from the check-in's
	 * tiers is said once, in {@code safety.checkin.CheckinTiering}.
	 */
	public static Optional<Risk> assess(Map<String, ScoreResult> scores, Map<String, Map<String, Object>> answers) {
		Set<String> reasons = new LinkedHashSet<>();
		boolean tierOne = false;
		for (var e : scores.entrySet()) {
			if (!e.getValue().safety()) {
				continue;
			}
			reasons.add(reason(e.getKey()));
			if ("phq-9".equals(e.getKey())) {
				Object item9 = answers.getOrDefault("phq-9", Map.of()).get("9");
				tierOne |= item9 instanceof Number n && n.doubleValue() >= 2;
			}
			tierOne |= e.getValue().flags().contains("ACUTE");
		}
		return reasons.isEmpty() ? Optional.empty()
				: Optional.of(new Risk(tierOne ? AlertTier.TIER_1 : AlertTier.TIER_2, reasons));
	}

	private static String reason(String instrumentId) {
		return switch (instrumentId) {
			case "phq-9" -> "PHQ9_ITEM9";
			case "asq" -> "ASQ_POSITIVE";
			case "pc-ptsd-5" -> "PCPTSD5_POSITIVE";
			case "burnout-single-item" -> "BURNOUT_SEEK_HELP";
			default -> instrumentId.toUpperCase().replace('-', '_') + "_SAFETY";
		};
	}

	public Timestamp choiceDueAt() {
		return Timestamp.from(clock.instant().plus(grace));
	}

	/** Raises the pseudonymous review at once, inside the submission's transaction. */
	public void raiseAtSubmission(UUID submissionId, Risk risk) {
		events.publishEvent(
				new SafetyConcern("snapshot", submissionId.toString(), null, null, risk.tier(), risk.reasons()));
	}

	/**
	 * Records the person's choice. Returns false if the submission is not theirs or was
	 * already decided. A contact request is honoured even after the pseudonymous review
	 * was raised.
	 */
	@Transactional
	public boolean choose(UUID submissionId, PersonId person, ContactChoice choice, String channel, String time) {
		Optional<Stored> stored = stored(submissionId, person);
		if (stored.isEmpty()) {
			return false;
		}
		String from = choice == ContactChoice.CONTACT && AUTO.equals(stored.get().state()) ? AUTO : PENDING;
		int changed = jdbc
			.sql("UPDATE assessment_submission SET safety_state = ?, contact_channel = ?, contact_time = ?"
					+ " WHERE id = ? AND person_id = ? AND safety_state = ?")
			.params(choice.name(), choice == ContactChoice.CONTACT ? channel : null,
					choice == ContactChoice.CONTACT ? time : null, submissionId, person.value(), from)
			.update();
		if (changed != 1) {
			return false;
		}
		Stored s = stored.get();
		if (choice == ContactChoice.CONTACT) {
			Set<String> reasons = new LinkedHashSet<>(s.reasons());
			reasons.add("CONTACT_REQUESTED");
			reasons.add("CONTACT_BY_" + channel);
			reasons.add("CONTACT_TIME_" + time);
			// Same source as the pseudonymous review: the safety module attaches the
			// identity to that alert.
			events
				.publishEvent(new SafetyConcern("snapshot", submissionId.toString(), person, null, s.tier(), reasons));
		}
		else {
			events.publishEvent(pseudonymous(submissionId, s));
		}
		return true;
	}

	@Scheduled(fixedDelayString = "${cpr.snapshot.choice-check:PT1M}")
	@SchedulerLock(name = "snapshot-safety-choice", lockAtMostFor = "PT5M")
	// its own transaction: the call below bypasses the proxy, and a concern published
	// outside a transaction never reaches the safety module's transactional listener
	@Transactional
	public void publishUndecidedRegularly() {
		publishUndecided();
	}

	/**
	 * Publishes the pseudonymous concern of every high-risk snapshot still undecided
	 * after the grace period.
	 */
	@Transactional
	public int publishUndecided() {
		List<UUID> due = jdbc.sql("SELECT id FROM assessment_submission WHERE safety_state = ? AND choice_due_at <= ?")
			.params(PENDING, Timestamp.from(clock.instant()))
			.query(UUID.class)
			.list();
		int published = 0;
		for (UUID id : due) {
			published += publishPseudonymous(id);
		}
		return published;
	}

	/**
	 * Before a person deletes their history, undecided concerns still reach a clinician
	 * (pseudonymously).
	 */
	@Transactional
	public void settleBeforeDeletion(PersonId person) {
		jdbc.sql("SELECT id FROM assessment_submission WHERE person_id = ? AND safety_state = ?")
			.params(person.value(), PENDING)
			.query(UUID.class)
			.list()
			.forEach(this::publishPseudonymous);
	}

	private int publishPseudonymous(UUID id) {
		int changed = jdbc.sql("UPDATE assessment_submission SET safety_state = ? WHERE id = ? AND safety_state = ?")
			.params(AUTO, id, PENDING)
			.update();
		if (changed == 1) {
			Stored s = jdbc.sql("SELECT tier, reasons, safety_state FROM assessment_submission WHERE id = ?")
				.param(id)
				.query(SafetyRouting::row)
				.single();
			events.publishEvent(pseudonymous(id, s));
		}
		return changed;
	}

	private static SafetyConcern pseudonymous(UUID submissionId, Stored s) {
		return new SafetyConcern("snapshot", submissionId.toString(), null, null, s.tier(), s.reasons());
	}

	private record Stored(AlertTier tier, Set<String> reasons, String state) {
	}

	private Optional<Stored> stored(UUID id, PersonId person) {
		return jdbc.sql(
				"SELECT tier, reasons, safety_state FROM assessment_submission WHERE id = ? AND person_id = ? AND high_risk = TRUE")
			.params(id, person.value())
			.query(SafetyRouting::row)
			.optional();
	}

	private static Stored row(ResultSet rs, int n) throws SQLException {
		return new Stored(AlertTier.valueOf(rs.getString(1)), Set.of(rs.getString(2).split(",")), rs.getString(3));
	}

}
