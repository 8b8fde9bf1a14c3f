package org.cpr.safety.checkin;

import java.util.LinkedHashSet;
import java.util.Set;

import org.cpr.safety.AlertTier;

/**
 * The ISP-style tier of an anonymous check-in (tier 1 is the most urgent), computed on
 * the server from the scored instruments. PHQ-9 item 9 is judged on its own, never
 * through the total (instruments.md §0.2: safety items bypass totals). Documented in
 * {@code docs/checkin.md}.
 *
 * <ul>
 * <li><b>Tier 1</b>: PHQ-9 item 9 ≥ 2 (more than half the days), or item 9 ≥ 1 with a
 * PHQ-9 total ≥ 15, or a PHQ-9 total ≥ 20 (severe).</li>
 * <li><b>Tier 2</b>: any item 9 above zero, or PHQ-9 ≥ 10, or GAD-7 ≥ 15 (severe), or
 * PC-PTSD-5 ≥ 3, or the most severe burnout option ("may need to seek help"), or GAD-7 ≥
 * 10 together with burnout (option ≥ 3).</li>
 * <li><b>Tier 3</b>: everything else. Every check-in still gets a personal counselor
 * reply.</li>
 * </ul>
 *
 * <p>
 * <b>Why the Resilience Snapshot tiers differently</b> (the one place this is said;
 * {@code assessment/internal/SafetyRouting} points here). A check-in is a request for a
 * counselor: every one becomes an alert, all four instruments are always answered, and
 * the tier orders the counselors' queue, so it combines totals (PHQ-9 ≥ 10, GAD-7 with
 * burnout) as the ISP model does. A snapshot is a private self-assessment: nobody is told
 * about high totals the person did not ask help for, so only the SAFETY flags of the
 * instruments' own scoring specs raise a concern (tier 2), and tier 1 is the acute item
 * (PHQ-9 item 9 ≥ 2, or an ACUTE flag). Reading a form and scoring it is the same for
 * both ({@code Scoring.read} and {@code Scoring.score}).
 *
 * <p>
 * <b>Why moral distress never changes the tier.</b> The optional Moral Distress
 * Thermometer (0–10) measures distress about acting against one's values, not risk to the
 * person: it has no published clinical cut-off (4, "uncomfortable", is only where next
 * steps are offered), it was validated against a moral distress scale and not against
 * depression, suicidality or PTSD, and a high reading calls for an ethics debrief or a
 * conversation, not a faster counselor response. Moving a check-in up the queue for it
 * would push down people whose safety screens are positive. So it adds the reason
 * {@code MORAL_DISTRESS} (context for the counselor's reply, shown with the scores) and
 * next steps on the receipt, and the tier stays the safety screens' alone.
 */
public final class CheckinTiering {

	/** Where next steps for moral distress are offered (the thermometer's anchor 4). */
	public static final int MORAL_DISTRESS_STEPS = 4;

	/**
	 * Server-computed scores; the client never sends totals.
	 *
	 * @param moralDistress the optional Moral Distress Thermometer (0–10), null when not
	 * answered
	 */
	public record Scores(int phq9Total, int phq9Item9, int gad7Total, int pcptsd5, int burnoutOption,
			Integer moralDistress) {

		public Scores(int phq9Total, int phq9Item9, int gad7Total, int pcptsd5, int burnoutOption) {
			this(phq9Total, phq9Item9, gad7Total, pcptsd5, burnoutOption, null);
		}

		/** Whether the moral distress next steps apply. */
		public boolean moralDistressSteps() {
			return moralDistress != null && moralDistress >= MORAL_DISTRESS_STEPS;
		}

	}

	/** The tier and the reason codes an alert carries. */
	public record Result(AlertTier tier, Set<String> reasons) {
	}

	private CheckinTiering() {
	}

	public static Result classify(Scores s) {
		Set<String> reasons = new LinkedHashSet<>();
		reasons.add("CHECKIN");
		if (s.phq9Item9() > 0) {
			reasons.add("PHQ9_ITEM9");
		}
		if (s.phq9Total() >= 20) {
			reasons.add("PHQ9_SEVERE");
		}
		else if (s.phq9Total() >= 10) {
			reasons.add("PHQ9_POSITIVE");
		}
		if (s.gad7Total() >= 15) {
			reasons.add("GAD7_SEVERE");
		}
		else if (s.gad7Total() >= 10) {
			reasons.add("GAD7_POSITIVE");
		}
		if (s.pcptsd5() >= 3) {
			reasons.add("PCPTSD5_POSITIVE");
		}
		if (s.burnoutOption() == 5) {
			reasons.add("BURNOUT_TOP");
		}
		else if (s.burnoutOption() >= 3) {
			reasons.add("BURNOUT");
		}
		if (s.moralDistressSteps()) {
			reasons.add("MORAL_DISTRESS");
		}
		return new Result(tier(s), reasons);
	}

	static AlertTier tier(Scores s) {
		boolean item9 = s.phq9Item9() > 0;
		if (s.phq9Item9() >= 2 || (item9 && s.phq9Total() >= 15) || s.phq9Total() >= 20) {
			return AlertTier.TIER_1;
		}
		boolean burnedOut = s.burnoutOption() >= 3;
		if (item9 || s.phq9Total() >= 10 || s.gad7Total() >= 15 || s.pcptsd5() >= 3 || s.burnoutOption() == 5
				|| (s.gad7Total() >= 10 && burnedOut)) {
			return AlertTier.TIER_2;
		}
		return AlertTier.TIER_3;
	}

}
