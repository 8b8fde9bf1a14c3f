package org.cpr.evaluation.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.cpr.evaluation.Effect;
import org.junit.jupiter.api.Test;

/**
 * The effect sizes against the worked examples of Borenstein, Hedges, Higgins and
 * Rothstein, <i>Introduction to Meta-Analysis</i> (Wiley 2009), chapter 4 ("Effect sizes
 * based on means").
 */
class EffectsTests {

	/**
	 * Independent groups: X̄1 = 103, X̄2 = 100, S1 = 5.5, S2 = 4.5, n1 = n2 = 50 gives
	 * S_within = 5.0249, d = 0.5970, V_d = 0.0418; J = 0.9923, g = 0.5924, V_g = 0.0411,
	 * SE_g = 0.2028.
	 */
	@Test
	void twoGroupsMatchBorensteinsWorkedExample() {
		Effect e = Effects.difference(103, 5.5, 50, 100, 4.5, 50);
		assertThat(Effects.approximateJ(98)).isCloseTo(0.9923, within(0.00005));
		assertThat(e.g()).isCloseTo(0.5924, within(0.0001));
		assertThat(e.standardError() * e.standardError()).isCloseTo(0.0411, within(0.0001));
		assertThat(e.standardError()).isCloseTo(0.2028, within(0.0001));
		assertThat(e.lower()).isCloseTo(0.5924 - 1.959964 * 0.2028, within(0.0005));
		assertThat(e.upper()).isCloseTo(0.5924 + 1.959964 * 0.2028, within(0.0005));
		assertThat(e.excludesZero()).isTrue();
	}

	/**
	 * Pre-post (matched) design: Ȳ_diff = 5, S_diff = 10, n = 50, r = 0.5 gives S_within
	 * = 10, d = 0.5, V_d = 0.0225; J = 0.9846, g = 0.4923, V_g = 0.0218, SE_g = 0.1477.
	 * With r = 0.5 the within-group SD equals the SD of the differences, so the
	 * change-score standardization gives the same numbers.
	 */
	@Test
	void preToPostChangeMatchesBorensteinsMatchedExample() {
		Effect e = Effects.change(5, 10, 50);
		assertThat(Effects.approximateJ(49)).isCloseTo(0.9846, within(0.00005));
		assertThat(e.g()).isCloseTo(0.4923, within(0.0001));
		assertThat(e.standardError() * e.standardError()).isCloseTo(0.0218, within(0.0001));
		assertThat(e.standardError()).isCloseTo(0.1477, within(0.0001));
	}

	@Test
	void hedgesApproximationStaysWithinAThousandthOfTheExactFactor() {
		for (int df = 10; df <= 200; df++) {
			assertThat(Effects.approximateJ(df)).isCloseTo(Effects.exactJ(df), within(0.001));
		}
		// Hedges (1981) table: J(10) = 0.9227
		assertThat(Effects.exactJ(10)).isCloseTo(0.9227, within(0.0001));
	}

	@Test
	void aSmallGroupGetsAWideIntervalThatCrossesZero() {
		Effect e = Effects.change(1, 4, 6);
		assertThat(e.lower()).isNegative();
		assertThat(e.upper()).isPositive();
		assertThat(e.excludesZero()).isFalse();
	}

	@Test
	void noSpreadOrTooFewPeopleIsRefusedRatherThanInfinite() {
		assertThatThrownBy(() -> Effects.change(1, 0, 20)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Effects.change(1, 2, 2)).isInstanceOf(IllegalArgumentException.class);
		assertThatThrownBy(() -> Effects.difference(1, 0, 5, 1, 0, 5)).isInstanceOf(IllegalArgumentException.class);
	}

}
