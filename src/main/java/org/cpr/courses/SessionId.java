package org.cpr.courses;

import java.util.Objects;
import java.util.UUID;

/** Typed id, exchanged instead of the row. */
public record SessionId(UUID value) {

	public SessionId {
		Objects.requireNonNull(value, "value");
	}

	public static SessionId of(String value) {
		return new SessionId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
