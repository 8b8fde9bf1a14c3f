package org.cpr.shared;

import java.util.Objects;
import java.util.UUID;

/**
 * The id of a person known to the platform; modules exchange it instead of the person
 * entity.
 */
public record PersonId(UUID value) implements java.io.Serializable {
	public PersonId {
		Objects.requireNonNull(value, "value");
	}

	public static PersonId of(String value) {
		return new PersonId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
