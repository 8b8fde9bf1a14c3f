package org.cpr.courses;

import java.util.Objects;
import java.util.UUID;

/** Typed id, exchanged instead of the row. */
public record RegistrationId(UUID value) {

	public RegistrationId {
		Objects.requireNonNull(value, "value");
	}

	public static RegistrationId of(String value) {
		return new RegistrationId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
