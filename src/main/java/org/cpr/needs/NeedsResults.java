package org.cpr.needs;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Needs-analysis results: the stressor heat map by rotation, hospital or specialty for an
 * academic year, a rotation's top stressors, and a finding sent to the CQI register.
 * Every figure is decided by the disclosure gate (one round per academic year, so the
 * three breakdowns are checked against one another: complementary suppression across
 * views).
 */
public interface NeedsResults extends NeedsYearFindings {

	/**
	 * A viewer of results: who, the role the gate limits filters by, and the org units
	 * whose answers they may see.
	 */
	record Viewer(PersonId person, Role role, NeedsScope scope) {
	}

	/**
	 * One domain of a rotation, released or not, with the program-wide figure beside it.
	 */
	record Finding(StressorDomain domain, HeatMap.Cell cell, HeatMap.Cell overall) {
	}

	/**
	 * A rotation's measures for a year, stressors sorted from the heaviest released one.
	 */
	record TopStressors(Rotation rotation, int year, List<Finding> findings) {
	}

	/**
	 * The viewer a signed-in person is: their gate role and the units under their grants.
	 */
	Viewer viewer(CprUser me);

	int currentYear();

	/** Years with answers, newest first, always including the current one. */
	List<Integer> years();

	HeatMap heatMap(Viewer viewer, Dimension by, int year);

	/**
	 * The rotation's row of the heat map, stressors sorted by released severity (hidden
	 * ones last).
	 */
	Optional<TopStressors> topStressors(Viewer viewer, UUID rotationId, int year);

	/**
	 * One academic year of a rotation's measures, in {@link StressorDomain} order (null:
	 * no answers that year).
	 */
	record YearColumn(int year, List<HeatMap.Cell> cells) {
	}

	/**
	 * The rotation's measures over the last five academic years with answers, oldest
	 * first.
	 */
	List<YearColumn> trend(Viewer viewer, UUID rotationId);

	/**
	 * Turns a released finding into a CQI register item; refused
	 * ({@link NeedsInputException}) when the figure is not released to this viewer.
	 */
	UUID sendToCqi(Viewer viewer, UUID rotationId, int year, StressorDomain domain);

	/**
	 * Recomputes a year's base cells from the answers, for answers inserted in bulk (demo
	 * data, benchmarks, tests) rather than one submission at a time.
	 */
	void rebuild(int year);

}
