package org.cpr.identity;

import java.util.UUID;

import org.cpr.shared.Role;

/**
 * One role grant of a person, scoped to an org unit, as the administration pages show it.
 */
public record GrantedRole(UUID id, Role role, UUID orgUnitId) {
}
