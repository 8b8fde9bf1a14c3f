package org.cpr.evaluation;

import java.util.List;
import java.util.UUID;

import org.cpr.identity.OrgUnitSummary;

/** Builds ACGME VI.C evidence packs for the programs a viewer holds. */
public interface WellBeingEvidence {

	/** The programs (org units of kind PROGRAM) within the viewer's scope, by name. */
	List<OrgUnitSummary> programs(Viewer viewer);

	/** The pack, or empty when the program is not within the viewer's scope. */
	java.util.Optional<WellBeingPack> pack(AcademicYear year, UUID program, Viewer viewer);

}
