package org.cpr.safety;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * The dialogue between a resilience clinician and the person who asked to be contacted:
 * only on identified alerts, sealed at rest, every write audited. The person is told by
 * an e-mail doorbell without content; they read and answer signed in, in the module that
 * raised the concern. Only the person themself and resilience clinicians (through the
 * audited alert page) read it.
 */
public interface ContactMessages {

	/** Longest message either side may send. */
	int MAX_LENGTH = 4000;

	enum Author {

		CLINICIAN, PERSON

	}

	record Message(Author author, String body, Instant sentAt) {
	}

	/**
	 * The thread of an alert, for the clinician's alert page. The caller has just opened
	 * the alert through {@link SafetyAlerts#open}, whose audit row covers this read (one
	 * row per view).
	 */
	List<Message> thread(UUID alertId);

	/**
	 * A resilience clinician has the thread of this alert in front of them: its "new
	 * reply" mark goes.
	 */
	void threadRead(UUID alertId);

	/**
	 * A clinician writes to the identified person of an alert; false if there is nobody
	 * to write to.
	 */
	boolean clinicianReplies(UUID alertId, PersonId clinician, String body);

	/**
	 * The person's own thread for the concern they raised from
	 * {@code sourceType}/{@code sourceId}; empty if not theirs.
	 */
	List<Message> threadOf(String sourceType, String sourceId, PersonId person);

	/**
	 * Every non-empty thread of this person's concerns from {@code sourceType}, by source
	 * id, oldest first.
	 */
	Map<String, List<Message>> threadsOf(String sourceType, PersonId person);

	/**
	 * The person answers in the thread of their own concern, once the team has written to
	 * them. Returns false (nothing stored) if the concern is not theirs or nobody has
	 * written yet. The alert is marked as having a reply waiting, and its clinician is
	 * told (without content) after commit.
	 */
	boolean personAnswers(String sourceType, String sourceId, PersonId person, String body);

}
