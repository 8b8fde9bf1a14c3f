package org.cpr.identity;

import org.cpr.shared.OrgUnitId;

/** An org unit as other modules see it. */
public record OrgUnitSummary(OrgUnitId id, OrgUnitId parent, OrgUnitKind kind, String code, String name) {
}
