package org.cpr.courses;

import org.cpr.shared.PersonId;

/**
 * A line of a session's roll: a registered person or a walk-in, and whether they are
 * marked present.
 */
public record Attendee(PersonId person, String displayName, boolean registered, boolean present, CheckInMethod method) {
}
