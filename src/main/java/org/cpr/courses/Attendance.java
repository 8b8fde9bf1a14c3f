package org.cpr.courses;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * The courses module's attendance API: the rotating QR code and self check-in, the
 * facilitator's roll call and walk-ins, and attendance counts (through the disclosure
 * gate for confidential offerings). Check-in opens an hour before a session starts and
 * closes 30 minutes after it ends.
 */
public interface Attendance {

	/**
	 * The code for the facilitator's screen now. @throws AttendanceRefused outside the
	 * check-in hours
	 */
	CheckInCode currentCode(SessionId id);

	/**
	 * Checks that a scanned code is the one of this session's current window.
	 * @param graceWindows how many windows back are still accepted (0 for the scan; 1 for
	 * the tap that confirms it)
	 */
	Session verify(SessionId id, long window, String code, int graceWindows);

	/**
	 * Self check-in with a scanned code; only for people who hold a seat. Checking in
	 * twice changes nothing.
	 */
	void checkIn(SessionId id, long window, String code, int graceWindows, PersonId person);

	/** The roll: seated people and walk-ins, with who is marked present. */
	List<Attendee> roll(SessionId id, PersonId viewer);

	/**
	 * The facilitator's roll call: exactly {@code present} of the seated people are
	 * marked present.
	 */
	void rollCall(SessionId id, Set<PersonId> present);

	/**
	 * Adds someone who came without a seat. @throws AttendanceRefused when nobody has
	 * that username
	 */
	void walkIn(SessionId id, String username);

	/**
	 * Attendance per session for a program's view. Confidential offerings go through the
	 * disclosure gate (counts of fewer than 5, or counts that would let one be worked
	 * out, are hidden); offerings reported to the program show plain counts.
	 */
	List<SessionCount> counts(Offering offering, PersonId viewer, Role viewerRole);

	/** The sessions a person attended, when (their own transcript). */
	List<Map.Entry<SessionId, Instant>> attendedBy(PersonId person);

}
