package org.cpr.identity;

import org.cpr.shared.OrgUnitId;
import org.cpr.shared.Role;

/** A role held for an org unit and everything below it. */
public record ScopedRole(Role role, OrgUnitId scope) implements java.io.Serializable {
}
