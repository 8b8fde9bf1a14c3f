package org.cpr.groups;

import java.time.ZonedDateTime;
import java.util.UUID;

import org.cpr.curriculum.TopicId;

/**
 * A meeting of a group, in the zone it is held in; {@code topic} and {@code topicTitle}
 * may be null.
 */
public record Meeting(UUID id, UUID group, ZonedDateTime start, ZonedDateTime end, String place, TopicId topic,
		String topicTitle, boolean cancelled) {
}
