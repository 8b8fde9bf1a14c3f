package org.cpr.needs;

import java.util.Collection;
import java.util.List;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * The heaviest released stressors of an academic year by rotation, for the annual
 * evaluation report: the same gated figures the heat map shows the viewer, limited to the
 * answers of the units under their grants.
 */
public interface NeedsYearFindings {

	/**
	 * Up to {@code limit} released rotation × stressor cells of the year, heaviest first.
	 * @param grants the org units the viewer holds a results role for
	 */
	List<Finding> heaviest(PersonId viewer, Role role, Collection<OrgUnitId> grants, int academicYear, int limit);

	/**
	 * One released finding: {@code domainKey} is a message key of the needs bundle;
	 * {@code severity} is 0 (no strain) to 100.
	 */
	record Finding(String rotation, String domainKey, double mean, long respondents, double severity) {
	}

}
