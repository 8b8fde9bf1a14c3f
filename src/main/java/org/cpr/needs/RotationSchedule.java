package org.cpr.needs;

import java.util.List;
import java.util.Optional;

import org.cpr.shared.PersonId;

/**
 * The block schedule: CSV import (a dry run reports every row's problems: unknown people
 * or rotations, unreadable dates, an end before the start, overlaps within the file or
 * with blocks already on record; applying writes every row or none), manual entry with
 * the same checks, and each person's blocks.
 */
public interface RotationSchedule {

	/**
	 * Checks a file without changing anything; a file-level problem comes back as one row
	 * with line 0.
	 */
	List<ScheduleRow> dryRun(String csv);

	/**
	 * Writes every block of the file if, and only if, every row is valid; returns the
	 * rows as checked.
	 */
	List<ScheduleRow> apply(String csv, PersonId by);

	/**
	 * Manual entry of one block (for programs without an exported schedule); same checks
	 * as a file row.
	 */
	ScheduleRow add(PersonId by, String person, String rotationId, String service, String start, String end);

	/** The person's blocks, earliest first. */
	List<Block> blocksOf(PersonId person);

	/** The person's next block that has not started yet (today counts as not started). */
	Optional<Block> nextBlock(PersonId person);

	/** Blocks on record (for the schedule page's summary). */
	long count();

}
