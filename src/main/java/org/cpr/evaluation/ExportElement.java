package org.cpr.evaluation;

/**
 * A data element a research protocol may approve. Scores only: no answers, no free text,
 * no names, no real dates (snapshot dates are shifted per person), no exact training
 * level (banded).
 *
 * @param field the column / REDCap field name
 * @param instrument the instrument whose score this is, or null
 * @param quasiIdentifier true when it counts towards k-anonymity
 */
public enum ExportElement {

	SNAPSHOT_DATE("event_date", null, false), TRAINEE_TYPE("trainee_type", null, true),
	TRAINING_LEVEL("training_level", null, true), WHO5("who5", "who-5", false), BRS("brs", "brs", false),
	BURNOUT("burnout", "burnout-single-item", false), PHQ2("phq2", "phq-2", false), GAD2("gad2", "gad-2", false);

	private final String field;

	private final String instrument;

	private final boolean quasiIdentifier;

	ExportElement(String field, String instrument, boolean quasiIdentifier) {
		this.field = field;
		this.instrument = instrument;
		this.quasiIdentifier = quasiIdentifier;
	}

	public String field() {
		return field;
	}

	public String instrument() {
		return instrument;
	}

	public boolean quasiIdentifier() {
		return quasiIdentifier;
	}

	public String messageKey() {
		return "evaluation.element." + name();
	}

}
