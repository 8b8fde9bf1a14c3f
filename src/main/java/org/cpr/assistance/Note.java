package org.cpr.assistance;

import java.time.Instant;
import java.util.UUID;

import org.cpr.shared.PersonId;

/** A clinical note, decrypted for a reader allowed to see it. */
public record Note(UUID id, PersonId author, Instant writtenAt, String body) {
}
