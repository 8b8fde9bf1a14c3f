package org.cpr.assistance;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.databind.JsonNode;
import org.cpr.shared.PersonId;

/**
 * The care record: one open episode per person, its care team, notes sealed with the
 * episode's own key (see {@link EnvelopeCipher}), intake and measures scored by the
 * questionnaire engine, accepted pathway steps, and closure. Only the care team, or a
 * clinician holding a live break-the-glass grant, reads an episode; every read is audited
 * about the person, so it shows in their access log.
 */
public interface CareRecords {

	/** Longest note. */
	int MAX_NOTE = 20_000;

	/**
	 * The person's open episode with {@code clinician} added to its care team, or a new
	 * one.
	 */
	Episode openOrJoin(PersonId person, PersonId clinician, BookingSource source, UUID alert, Instant requestedAt,
			PersonId by);

	void joinTeam(UUID episode, PersonId clinician);

	/** Whether {@code clinician} is in the episode's care team. */
	boolean treats(UUID episode, PersonId clinician);

	/**
	 * Whether the clinician may read the episode now: care team, or a live
	 * break-the-glass grant.
	 */
	boolean mayRead(UUID episode, PersonId clinician);

	Optional<Episode> find(UUID episode);

	Optional<Episode> openOf(PersonId person);

	/**
	 * The clinician's open episodes (names of people in care: audited, like the safety
	 * inbox).
	 */
	List<Episode> caseload(PersonId clinician);

	/**
	 * A person's episodes, for clinicians looking for one (ids and dates only; reading
	 * needs access).
	 */
	List<Episode> episodesOf(PersonId person);

	/**
	 * The whole episode for a clinician with access; audited about the person.
	 * @throws AssistanceRefused UNKNOWN_EPISODE, or NOT_TREATING (audited as denied)
	 */
	EpisodeRecord read(UUID id, PersonId clinician);

	/**
	 * Adds a note, sealed under the episode's key.
	 * @throws AssistanceRefused NOTE_REQUIRED, NOT_TREATING (also for someone else's
	 * episode), EPISODE_CLOSED
	 */
	Note addNote(UUID id, PersonId author, String body);

	/**
	 * Scores and records a questionnaire in the person's open episode: intake the person
	 * answers themself ({@code by == person}), or a measure a treating clinician records
	 * with them.
	 * @throws org.cpr.questionnaire.InvalidAnswersException when the answers cannot be
	 * scored (names each item)
	 */
	Measure recordMeasure(UUID id, PersonId by, String instrumentId, JsonNode answers);

	/** Closes the episode with a reason; only the care team may. */
	void close(UUID id, PersonId clinician, ClosureReason reason);

	/** Records that the clinician accepted a pathway's proposed step for this episode. */
	boolean acceptStep(UUID id, PersonId clinician, String pathway, String step);

	/** The person's own record (see {@link PersonalRecord}); audited as self-service. */
	PersonalRecord personal(PersonId person);

}
