package org.cpr.safety;

import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * What another module reports when an answer or a request needs a clinician. Exactly one
 * alert exists per ({@code sourceType}, {@code sourceId}), however often the same concern
 * is reported.
 *
 * @param sourceType e.g. {@code survey-response}, {@code contact-request},
 * {@code checkin}
 * @param sourceId the id of the record in its own module
 * @param person who, for identified channels; null for an anonymous check-in
 * @param checkinHandle the anonymous check-in handle's id, when there is no person
 * @param tier how urgent
 * @param reasons codes such as {@code PHQ9_ITEM9}, {@code ASQ_POSITIVE},
 * {@code CONTACT_REQUESTED}
 */
public record SafetyConcern(String sourceType, String sourceId, PersonId person, UUID checkinHandle, AlertTier tier,
		Set<String> reasons) {

	public SafetyConcern {
		Objects.requireNonNull(sourceType, "sourceType");
		Objects.requireNonNull(sourceId, "sourceId");
		Objects.requireNonNull(tier, "tier");
		reasons = Set.copyOf(reasons);
	}

	/**
	 * The alert id is derived from the source, so redelivered events cannot create a
	 * second alert.
	 */
	public UUID alertId() {
		return UUID.nameUUIDFromBytes(
				("safety-alert:" + sourceType + ":" + sourceId).getBytes(java.nio.charset.StandardCharsets.UTF_8));
	}
}
