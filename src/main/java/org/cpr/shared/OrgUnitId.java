package org.cpr.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of an org unit (institution, school, hospital, department, training program).
 */
public record OrgUnitId(UUID value) implements java.io.Serializable {
	public OrgUnitId {
		Objects.requireNonNull(value, "value");
	}

	public static OrgUnitId of(String value) {
		return new OrgUnitId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
