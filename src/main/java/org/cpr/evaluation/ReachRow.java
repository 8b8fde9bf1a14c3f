package org.cpr.evaluation;

/**
 * One row of the reach table: how many of a group took part in one intervention type.
 *
 * @param type the intervention
 * @param dimension how the eligible population is split
 * @param group the group's key: {@code "all"}, a trainee type name, or a program's org
 * unit id
 * @param groupName what to show for the group (a program's name; trainee types are
 * translated by key)
 * @param eligible the eligible people of the group (gated; null for a count-only service)
 * @param participants distinct participants (or a confidential service's count)
 * @param unit what {@code participants} counts: {@code PEOPLE} or {@code CONTACTS}
 */
public record ReachRow(InterventionType type, Dimension dimension, String group, String groupName, GatedCount eligible,
		GatedCount participants, InterventionReach.Reach.CountOnly.Unit unit) {

	public enum Dimension {

		ALL, TRAINEE_TYPE, PROGRAM

	}

	/**
	 * Participants as a percentage of the eligible population, when both were released;
	 * else null.
	 */
	public Double ratePercent() {
		if (eligible == null || !eligible.shown() || !participants.shown() || eligible.value() == 0
				|| unit != InterventionReach.Reach.CountOnly.Unit.PEOPLE) {
			return null;
		}
		return 100.0 * participants.value() / eligible.value();
	}

	/** True for a confidential service, which reports a count and nothing about who. */
	public boolean countOnly() {
		return eligible == null;
	}
}
