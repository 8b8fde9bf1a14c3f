package org.cpr.curriculum;

import java.util.Objects;
import java.util.UUID;

/** The id of a curriculum topic; other modules keep it instead of the topic. */
public record TopicId(UUID value) {

	public TopicId {
		Objects.requireNonNull(value, "value");
	}

	@Override
	public String toString() {
		return value.toString();
	}
}
