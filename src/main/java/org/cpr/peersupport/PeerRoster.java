package org.cpr.peersupport;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.cpr.shared.PersonId;

/**
 * The roster of peer supporters: who they are (profession, specialty, site, languages),
 * their training and refresher, availability, load and pauses, and their own confidential
 * check-ins.
 */
public interface PeerRoster {

	List<SupporterProfile> roster();

	Optional<SupporterProfile> profile(PersonId person);

	List<Training> trainings(PersonId person);

	/**
	 * Puts a person on the roster and grants them the peer supporter role (campus-wide).
	 */
	void enrol(PersonId person, RosterEntry entry, PersonId by);

	void update(PersonId person, RosterEntry entry, PersonId by);

	/**
	 * Records a completed course; the refresher date decides until when the supporter is
	 * proposed.
	 */
	void recordTraining(PersonId person, Training training, PersonId by);

	/**
	 * "I need a break": not proposed for new requests until after {@code until} (at most
	 * a year ahead).
	 */
	void pause(PersonId supporter, LocalDate until);

	void resume(PersonId supporter);

	/**
	 * The supporter's own check-in; nobody else can read it. Asking for a debrief tells
	 * the coordinators who asked (and nothing of how they are doing).
	 */
	void checkIn(PersonId supporter, int wellbeing, boolean wantsDebrief);

	List<SupporterCheckin> checkins(PersonId supporter);

}
