package org.cpr.directory;

import java.time.LocalDate;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * A directory entry's owner should review it: its last review was more than six months
 * ago.
 */
public record DirectoryReviewDue(UUID serviceId, PersonId owner, LocalDate lastReviewed) {
}
