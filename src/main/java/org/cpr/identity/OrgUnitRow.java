package org.cpr.identity;

import java.util.UUID;

/**
 * An org unit as the administration pages show and edit it (plain UUIDs, for form
 * values).
 */
public record OrgUnitRow(UUID id, UUID parentId, OrgUnitKind kind, String code, String name) {
}
