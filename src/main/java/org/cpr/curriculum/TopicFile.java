package org.cpr.curriculum;

import java.time.Instant;
import java.util.UUID;

/** A file attached to a topic (a handout, slides); its bytes are fetched separately. */
public record TopicFile(UUID id, TopicId topic, String filename, String mediaType, int sizeBytes, Instant uploadedAt) {
}
