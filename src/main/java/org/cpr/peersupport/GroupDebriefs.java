package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;

/**
 * Group debriefs after critical incidents: unit, date, facilitators and an attendance
 * count.
 */
public interface GroupDebriefs {

	/** The largest attendance a debrief can have (the table's check says the same). */
	int MAX_ATTENDANCE = 500;

	/**
	 * Records a debrief: a known unit, a day not in the future (and at most two years
	 * back), known facilitators and an attendance from 1 to {@value #MAX_ATTENDANCE};
	 * each refusal names its field and changes nothing.
	 */
	UUID record(OrgUnitId unit, LocalDate heldOn, List<PersonId> facilitators, Integer attendance, PersonId by);

	/**
	 * One debrief, or {@link PeerSupportRefused} ({@code NOT_FOUND}).
	 */
	GroupDebrief find(UUID id);

	List<GroupDebrief> recent();

}
