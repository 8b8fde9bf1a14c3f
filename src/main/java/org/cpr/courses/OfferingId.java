package org.cpr.courses;

import java.util.Objects;
import java.util.UUID;

/** Typed id, exchanged instead of the row. */
public record OfferingId(UUID value) {

	public OfferingId {
		Objects.requireNonNull(value, "value");
	}

	public static OfferingId of(String value) {
		return new OfferingId(UUID.fromString(value));
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
