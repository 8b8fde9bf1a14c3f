package org.cpr.evaluation;

import java.time.LocalDate;
import java.util.Set;

import org.cpr.shared.PersonId;

/**
 * Declared as a bean by every module that delivers an intervention, so evaluation can
 * count who took part without reading that module's tables.
 *
 * <p>
 * Identifiable interventions (courses, curriculum sessions, mentoring-group attendance,
 * snapshots) answer {@link Reach.Participants}: the distinct people who took part in the
 * window, so evaluation can break reach down by trainee type and program and compare
 * outcomes with non-participants. Confidential services (peer support, consultations,
 * anonymous check-ins) answer {@link Reach.CountOnly}: how many contacts or people, never
 * who — their data can never be linked to a person's outcomes.
 */
public interface InterventionReach {

	/**
	 * The intervention this source reports. A module may declare one bean per type it
	 * delivers.
	 */
	InterventionType type();

	/** Who (or how many) took part on days {@code from} to {@code toExclusive}. */
	Reach reach(LocalDate from, LocalDate toExclusive);

	/** What a source answers. */
	sealed interface Reach permits Reach.Participants, Reach.CountOnly {

		/** The distinct people who took part. */
		record Participants(Set<PersonId> people) implements Reach {
			public Participants {
				people = Set.copyOf(people);
			}
		}

		/**
		 * A confidential service's count: distinct people where the module can count them
		 * without keeping identities for evaluation, otherwise contacts ({@code unit}
		 * says which).
		 */
		record CountOnly(long count, Unit unit) implements Reach {
			public enum Unit {

				PEOPLE, CONTACTS

			}
		}

	}

}
