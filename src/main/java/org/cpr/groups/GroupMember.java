package org.cpr.groups;

import org.cpr.shared.PersonId;

/**
 * A member as the coordinator and the group's leaders see them.
 *
 * @param placement why they sit in this group (see {@link Placement})
 * @param agreed whether they accepted the group's confidentiality agreement
 */
public record GroupMember(PersonId person, String displayName, String programName, String level, Placement placement,
		boolean agreed) {
}
