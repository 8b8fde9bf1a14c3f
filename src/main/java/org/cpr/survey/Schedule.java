package org.cpr.survey;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * When a campaign's waves open. One-off: one wave. Monthly: a wave every month from the
 * first opening date until the end date. Rotation: a wave at the end of every rotation
 * block of {@code blockWeeks} weeks (the first opening date is the end of the first
 * block). Every wave stays open for {@code windowDays} days.
 */
public record Schedule(Kind kind, LocalDate firstOpensOn, int windowDays, Integer blockWeeks, LocalDate endsOn) {

	public enum Kind {

		ONE_OFF, MONTHLY, ROTATION

	}

	/**
	 * At most this many waves are planned for one campaign (three years of monthly
	 * waves).
	 */
	public static final int MAX_WAVES = 36;

	public static Schedule oneOff(LocalDate opensOn, LocalDate closesOn) {
		int days = opensOn == null || closesOn == null ? 14 : (int) (closesOn.toEpochDay() - opensOn.toEpochDay()) + 1;
		return new Schedule(Kind.ONE_OFF, opensOn, days, null, closesOn);
	}

	public record PlannedWave(String label, LocalDate opensOn, LocalDate closesOn) {
	}

	/**
	 * The waves this schedule produces, in order; labels are message keys with a number.
	 */
	public List<PlannedWave> waves() {
		List<PlannedWave> out = new ArrayList<>();
		if (firstOpensOn == null) {
			return out;
		}
		if (kind == Kind.ONE_OFF) {
			out.add(new PlannedWave("1", firstOpensOn, firstOpensOn.plusDays(windowDays - 1L)));
			return out;
		}
		for (int k = 0; k < MAX_WAVES; k++) {
			LocalDate opens = kind == Kind.MONTHLY ? firstOpensOn.plusMonths(k)
					: firstOpensOn.plusWeeks((long) k * blockWeeks);
			if (endsOn != null && opens.isAfter(endsOn)) {
				break;
			}
			out.add(new PlannedWave(Integer.toString(k + 1), opens, opens.plusDays(windowDays - 1L)));
		}
		return out;
	}
}
