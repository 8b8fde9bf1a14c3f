package org.cpr.identity;

import java.util.List;

import org.cpr.shared.PersonId;

/**
 * Roster import from CSV: org units ({@code code,parent_code,kind,name}) and people
 * ({@code username,email,display_name,trainee_type,training_level,program_code,department_code,roles},
 * roles as {@code ROLE@UNIT_CODE;…}). A dry run reports, per line, what would happen and
 * every error; applying re-checks and writes all rows in one transaction, or nothing.
 */
public interface RosterImport {

	enum Kind {

		ORG_UNITS, PEOPLE

	}

	/**
	 * Checks a file without changing anything. A file-level problem comes back as a
	 * single row with line 0.
	 */
	List<RosterRow> dryRun(Kind kind, String csv);

	/**
	 * Applies the file if, and only if, every row is valid; returns the rows as checked.
	 */
	List<RosterRow> apply(Kind kind, String csv, PersonId by);

}
