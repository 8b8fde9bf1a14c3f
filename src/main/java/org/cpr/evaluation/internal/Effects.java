package org.cpr.evaluation.internal;

import org.apache.commons.numbers.gamma.LogGamma;
import org.apache.commons.statistics.distribution.NormalDistribution;
import org.cpr.evaluation.Effect;

/**
 * Standardized mean differences from released summaries (mean, SD, n), following
 * Borenstein, Hedges, Higgins and Rothstein, <i>Introduction to Meta-Analysis</i> (2009),
 * chapter 4: Hedges' correction J with {@code V_g = J² V_d}, and a normal 95 % interval
 * from Commons Statistics.
 */
final class Effects {

	private static final double Z = NormalDistribution.of(0, 1).inverseCumulativeProbability(0.975);

	private Effects() {
	}

	/**
	 * Standardized mean change of one group measured twice, standardized by the SD of the
	 * change scores (metafor's "SMCC"; Gibbons, Hedeker and Davis 1993):
	 * {@code d = mean/sd}, {@code V_d = 1/n + d²/(2n)}. Needs n ≥ 3 and sd &gt; 0.
	 */
	public static Effect change(double meanChange, double sdChange, long n) {
		if (n < 3 || !(sdChange > 0)) {
			throw new IllegalArgumentException("a standardized change needs at least 3 people and some spread");
		}
		double d = meanChange / sdChange;
		double variance = 1.0 / n + d * d / (2.0 * n);
		return corrected(d, variance, n - 1);
	}

	/**
	 * Standardized difference between two independent groups (for
	 * difference-in-differences, the groups' change scores): pooled SD,
	 * {@code V_d = (n1+n0)/(n1 n0) + d²/(2(n1+n0))}.
	 */
	public static Effect difference(double mean1, double sd1, long n1, double mean0, double sd0, long n0) {
		if (n1 < 2 || n0 < 2) {
			throw new IllegalArgumentException("each group needs at least 2 people");
		}
		double pooled = Math.sqrt(((n1 - 1) * sd1 * sd1 + (n0 - 1) * sd0 * sd0) / (n1 + n0 - 2));
		if (!(pooled > 0)) {
			throw new IllegalArgumentException("no spread in either group");
		}
		double d = (mean1 - mean0) / pooled;
		double variance = (double) (n1 + n0) / (n1 * n0) + d * d / (2.0 * (n1 + n0));
		return corrected(d, variance, n1 + n0 - 2);
	}

	/**
	 * The standardized difference of two groups' means, uncorrected (for a baseline
	 * check).
	 */
	public static double standardizedGap(double mean1, double sd1, long n1, double mean0, double sd0, long n0) {
		double pooled = Math.sqrt(((n1 - 1) * sd1 * sd1 + (n0 - 1) * sd0 * sd0) / Math.max(1, n1 + n0 - 2));
		return pooled > 0 ? (mean1 - mean0) / pooled : 0;
	}

	/**
	 * Hedges' approximate correction factor {@code J = 1 - 3/(4 df - 1)} (Borenstein et
	 * al. eq. 4.22).
	 */
	public static double approximateJ(double df) {
		return 1 - 3 / (4 * df - 1);
	}

	/**
	 * Hedges' exact correction factor {@code Γ(df/2) / (√(df/2) Γ((df-1)/2))} (Hedges
	 * 1981).
	 */
	public static double exactJ(double df) {
		return Math.exp(LogGamma.value(df / 2) - 0.5 * Math.log(df / 2) - LogGamma.value((df - 1) / 2));
	}

	private static Effect corrected(double d, double varianceD, double df) {
		double j = approximateJ(df);
		double g = j * d;
		double se = Math.sqrt(j * j * varianceD);
		return new Effect(g, se, g - Z * se, g + Z * se);
	}

}
