package org.cpr.cqi;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * The always-open speak-up channel. Reports are stored with the day only and become
 * reviewable from the next weekly batch (I-11), so the moment of writing cannot identify
 * the writer; an anonymous report waits sealed in a weekly mixing pool until then.
 * Reviews of the original are audited; leadership sees only what a reviewer released.
 * Implemented in {@code internal/} (JdbcSpeakUpChannel, with the pool and the reply
 * codes).
 */
public interface SpeakUpChannel {

	/** The same idempotency key with a different report. */
	final class KeyReusedException extends RuntimeException {

		public KeyReusedException() {
			super("idempotency key reused with different content");
		}

	}

	/** A quote a reviewer released. */
	record ReleasedQuote(CqiCategory category, String text) {
	}

	/**
	 * Stores a report once per idempotency key. {@code reporter} is null for anonymous
	 * reports; for confidential ones it is stored apart, readable by the channel's
	 * officer alone.
	 */
	ReportReceipt submit(ReportSubmission s, String idempotencyKey, PersonId reporter);

	/**
	 * Writes the anonymous reports whose weekly batch is due (also run by the scheduler);
	 * returns how many.
	 */
	int releaseDueReports();

	/** The reporter's view through the reply code; empty for an unknown code. */
	Optional<ReportView> byReplyCode(String code);

	boolean reporterReplies(String code, String body);

	/**
	 * Reports of a channel that reached their review batch, in random order (no order
	 * leak, T6).
	 */
	List<ReportView> reviewQueue(ReportChannel channel);

	/**
	 * Opens the original for its channel's reviewer, once its batch is due; every view is
	 * audited.
	 */
	Optional<ReportView> openForReview(UUID id, ReportChannel channel, PersonId reviewer);

	void reviewerReplies(UUID id, String body, PersonId reviewer);

	/** Releases a redacted version to leadership (I-11). */
	void release(UUID id, String redacted, PersonId reviewer);

	/** Released, redacted texts for leadership: undated, shuffled, by category only. */
	List<ReleasedQuote> released();

	/**
	 * Who sent a confidential report: for the mistreatment channel's officer only,
	 * audited.
	 */
	Optional<PersonId> reporterOf(UUID id, PersonId officer);

}
