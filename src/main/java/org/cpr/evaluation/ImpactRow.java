package org.cpr.evaluation;

import java.util.List;

/**
 * One row of the relative-impact table: an intervention's effect on one instrument among
 * consenting people measured at least twice in the year.
 *
 * @param type the intervention
 * @param instrument the measure
 * @param participants participants measured before and after (gated)
 * @param comparison non-participants measured over the same window (gated)
 * @param change participants' standardized mean change (Hedges' g, change-score SD), or
 * null
 * @param versusComparison difference-in-differences: participants' change against
 * non-participants', or null
 * @param baselineGap participants' minus non-participants' first score in pooled SDs, or
 * null
 * @param cautions message keys of plain-language cautions (small n, baseline differences,
 * nothing released)
 * @param offering the offering's title for a row of one offering's attendees (change
 * among them only), null for a row of a whole intervention type
 */
public record ImpactRow(InterventionType type, OutcomeInstrument instrument, GatedCount participants,
		GatedCount comparison, Effect change, Effect versusComparison, Double baselineGap, List<String> cautions,
		String offering) {

	public ImpactRow {
		cautions = List.copyOf(cautions);
	}

	public ImpactRow(InterventionType type, OutcomeInstrument instrument, GatedCount participants,
			GatedCount comparison, Effect change, Effect versusComparison, Double baselineGap, List<String> cautions) {
		this(type, instrument, participants, comparison, change, versusComparison, baselineGap, cautions, null);
	}

	/** The same row labelled as one offering's. */
	public ImpactRow forOffering(String title) {
		return new ImpactRow(type, instrument, participants, comparison, change, versusComparison, baselineGap,
				cautions, title);
	}

	/**
	 * The method of the row's headline estimate: {@code did}, {@code prepost} or
	 * {@code none}.
	 */
	public String method() {
		return versusComparison != null ? "did" : change != null ? "prepost" : "none";
	}

	/** The headline estimate: the comparison when there is one, else the change. */
	public Effect headline() {
		return versusComparison != null ? versusComparison : change;
	}
}
