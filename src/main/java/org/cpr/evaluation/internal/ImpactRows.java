package org.cpr.evaluation.internal;

import java.util.ArrayList;
import java.util.List;

import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic.NumericSummary;
import org.cpr.evaluation.Effect;
import org.cpr.evaluation.GatedCount;
import org.cpr.evaluation.ImpactRow;
import org.cpr.evaluation.InterventionType;
import org.cpr.evaluation.OutcomeInstrument;

/**
 * Builds one impact row from the gate's answers: effects only from released summaries,
 * with cautions.
 */
final class ImpactRows {

	private ImpactRows() {
	}

	static ImpactRow row(InterventionType type, OutcomeInstrument instrument, CellResult in, CellResult out,
			CellResult inBase, CellResult outBase) {
		GatedCount participants = in == null ? GatedCount.released(0) : GateCells.count(in);
		GatedCount comparison = out == null ? GatedCount.released(0) : GateCells.count(out);
		List<String> cautions = new ArrayList<>();
		NumericSummary change = ImpactCalculator.summary(in);
		NumericSummary changeOut = ImpactCalculator.summary(out);
		Effect within = null;
		Effect did = null;
		Double gap = null;
		if (change != null && change.standardDeviation() > 0) {
			within = Effects.change(change.mean(), change.standardDeviation(), n(in));
		}
		else if (change != null) {
			cautions.add("evaluation.caution.noSpread");
		}
		if (change != null && changeOut != null
				&& (change.standardDeviation() > 0 || changeOut.standardDeviation() > 0)) {
			did = Effects.difference(change.mean(), change.standardDeviation(), n(in), changeOut.mean(),
					changeOut.standardDeviation(), n(out));
			NumericSummary b1 = ImpactCalculator.summary(inBase);
			NumericSummary b0 = ImpactCalculator.summary(outBase);
			if (b1 != null && b0 != null) {
				gap = Effects.standardizedGap(b1.mean(), b1.standardDeviation(), n(inBase), b0.mean(),
						b0.standardDeviation(), n(outBase));
				if (Math.abs(gap) > ImpactCalculator.BASELINE_GAP) {
					cautions.add("evaluation.caution.baseline");
				}
			}
		}
		if (change == null) {
			cautions.add("evaluation.caution.notReleased");
		}
		else if (n(in) < ImpactCalculator.SMALL_N) {
			cautions.add("evaluation.caution.smallN");
		}
		if (change != null && changeOut == null) {
			cautions.add("evaluation.caution.noComparison");
		}
		return new ImpactRow(type, instrument, participants, comparison, within, did, gap, cautions);
	}

	private static long n(CellResult r) {
		return ((Released) r).respondents();
	}

}
