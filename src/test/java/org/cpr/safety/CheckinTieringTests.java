package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;

import org.cpr.safety.checkin.CheckinTiering;
import org.cpr.safety.checkin.CheckinTiering.Scores;
import org.junit.jupiter.api.Test;

/** The documented tier rule (docs/checkin.md), case by case. */
class CheckinTieringTests {

	static AlertTier tier(int phq, int item9, int gad, int ptsd, int burnout) {
		return CheckinTiering.classify(new Scores(phq, item9, gad, ptsd, burnout)).tier();
	}

	@Test
	void itemNineIsJudgedOnItsOwnWhateverTheTotal() {
		assertThat(tier(2, 2, 0, 0, 1)).as("item 9 'more than half the days' with a minimal total")
			.isEqualTo(AlertTier.TIER_1);
		assertThat(tier(1, 1, 0, 0, 1)).as("item 9 'several days', total 1").isEqualTo(AlertTier.TIER_2);
		assertThat(tier(15, 1, 0, 0, 1)).as("item 9 with moderately severe depression").isEqualTo(AlertTier.TIER_1);
		assertThat(CheckinTiering.classify(new Scores(1, 1, 0, 0, 1)).reasons()).contains("PHQ9_ITEM9", "CHECKIN");
	}

	@Test
	void severeDepressionIsTier1AndModerateTier2() {
		assertThat(tier(20, 0, 0, 0, 1)).isEqualTo(AlertTier.TIER_1);
		assertThat(tier(19, 0, 0, 0, 1)).isEqualTo(AlertTier.TIER_2);
		assertThat(tier(10, 0, 0, 0, 1)).isEqualTo(AlertTier.TIER_2);
		assertThat(tier(9, 0, 0, 0, 1)).isEqualTo(AlertTier.TIER_3);
	}

	@Test
	void anxietyTraumaAndBurnoutRaiseToTier2() {
		assertThat(tier(0, 0, 15, 0, 1)).isEqualTo(AlertTier.TIER_2);
		assertThat(tier(0, 0, 14, 0, 1)).isEqualTo(AlertTier.TIER_3);
		assertThat(tier(0, 0, 10, 0, 3)).as("anxiety with burnout").isEqualTo(AlertTier.TIER_2);
		assertThat(tier(0, 0, 0, 3, 1)).isEqualTo(AlertTier.TIER_2);
		assertThat(tier(0, 0, 0, 2, 1)).isEqualTo(AlertTier.TIER_3);
		assertThat(tier(0, 0, 0, 0, 5)).as("'may need to seek help'").isEqualTo(AlertTier.TIER_2);
		assertThat(tier(0, 0, 0, 0, 4)).isEqualTo(AlertTier.TIER_3);
	}

	@Test
	void moralDistressIsContextForTheCounselorAndNeverChangesTheTier() {
		var intense = CheckinTiering.classify(new Scores(0, 0, 0, 0, 1, 10));
		assertThat(intense.tier()).isEqualTo(AlertTier.TIER_3);
		assertThat(intense.reasons()).containsExactly("CHECKIN", "MORAL_DISTRESS");
		assertThat(CheckinTiering.classify(new Scores(20, 0, 0, 0, 1, 10)).tier()).isEqualTo(AlertTier.TIER_1);
		assertThat(CheckinTiering.classify(new Scores(0, 0, 0, 0, 1, 3)).reasons()).containsExactly("CHECKIN");
		assertThat(CheckinTiering.classify(new Scores(0, 0, 0, 0, 1, null)).reasons()).containsExactly("CHECKIN");
	}

}
