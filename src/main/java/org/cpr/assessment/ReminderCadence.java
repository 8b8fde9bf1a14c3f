package org.cpr.assessment;

/** How often a person wants to be reminded to take the snapshot again. */
public enum ReminderCadence {

	OFF(0), MONTHLY(1), QUARTERLY(3);

	private final int months;

	ReminderCadence(int months) {
		this.months = months;
	}

	public int months() {
		return months;
	}

}
