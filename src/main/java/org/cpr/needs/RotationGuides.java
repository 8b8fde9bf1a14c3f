package org.cpr.needs;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Rotation guides: peers' tips from the end-of-rotation wave, reviewed before anyone else
 * reads them, and the guide per rotation (at one hospital) with its findings, contacts
 * and links. A rotation's tips reach the review queue only once at least the comment
 * threshold answered for it in that academic year (decided by the disclosure gate), are
 * shown scrubbed and in no particular order, and are published only as a reviewer's
 * edited text, scrubbed again.
 */
public interface RotationGuides {

	/** How many days before a block starts its trainee sees the guide. */
	int DAYS_AHEAD = 7;

	/** A tip waiting for review, already scrubbed. */
	record PendingTip(UUID id, String text) {
	}

	/** One rotation's queue: released (with tips) or held back with the gate's reason. */
	record Queue(Rotation rotation, boolean released, List<PendingTip> tips, String messageKey,
			Object[] messageArguments) {
	}

	/** What a guide shows. {@code findings} may be empty when nothing is released yet. */
	record Guide(Rotation rotation, List<NeedsResults.Finding> findings, List<String> tips,
			List<RotationCatalogue.GuideLink> links, int year) {
	}

	/**
	 * The trainee's next block and whether its guide is visible yet (from
	 * {@code visibleFrom}).
	 */
	record Upcoming(Block block, LocalDate visibleFrom, boolean visible) {
	}

	/**
	 * Rotations with tips waiting in the year; tip texts only where the gate releases
	 * comments. Audited.
	 */
	List<Queue> reviewQueue(NeedsResults.Viewer viewer, int year);

	/**
	 * Publishes the reviewer's edited text (scrubbed again); the author's original
	 * wording is discarded.
	 */
	void publish(NeedsResults.Viewer viewer, int year, UUID tipId, String edited);

	/** Declines a tip; its text is deleted. */
	void reject(NeedsResults.Viewer viewer, int year, UUID tipId);

	/**
	 * The guide of a rotation as trainees read it: its newest year's released findings,
	 * published tips, contacts and links.
	 */
	Optional<Guide> publishedGuide(PersonId trainee, UUID rotationId);

	/**
	 * The guide of a rotation as a staff member sees it: findings and tips of the answers
	 * in their scope only.
	 */
	Optional<Guide> guide(NeedsResults.Viewer as, UUID rotationId);

	/**
	 * The person's next block and when its guide shows ({@value #DAYS_AHEAD} days before
	 * it starts).
	 */
	Optional<Upcoming> upcoming(PersonId person);

}
