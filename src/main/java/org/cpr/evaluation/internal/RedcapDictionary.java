package org.cpr.evaluation.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.apache.commons.csv.CSVPrinter;
import org.cpr.evaluation.ExportElement;
import org.cpr.identity.TraineeType;

/**
 * The REDCap data dictionary of an export (the 18 columns of REDCap's "Data Dictionary"
 * CSV), one form {@code cpr_snapshot_scores}, fields in the order of the export's
 * columns.
 */
final class RedcapDictionary {

	static final List<String> HEADER = List.of("Variable / Field Name", "Form Name", "Section Header", "Field Type",
			"Field Label", "Choices, Calculations, OR Slider Labels", "Field Note",
			"Text Validation Type OR Show Slider Number", "Text Validation Min", "Text Validation Max", "Identifier?",
			"Branching Logic (Show field only if...)", "Required Field?", "Custom Alignment",
			"Question Number (surveys only)", "Matrix Group Name", "Matrix Ranking?", "Field Annotation");
	static final String FORM = "cpr_snapshot_scores";

	private RedcapDictionary() {
	}

	static void write(CSVPrinter csv, Set<ExportElement> elements) throws IOException {
		csv.printRecord(HEADER);
		field(csv, "record_id", "text", "Record (study id and sequence)", "", "", "Unique per row");
		field(csv, "study_id", "text", "Study id (keyed hash, this protocol only)", "", "",
				"Not joinable across protocols");
		if (elements.contains(ExportElement.SNAPSHOT_DATE)) {
			field(csv, "event_date", "text", "Snapshot date (shifted per person)", "", "date_ymd",
					"Shifted by a fixed number of days (up to 182) per person; intervals within a person are true");
		}
		if (elements.contains(ExportElement.TRAINEE_TYPE)) {
			String choices = java.util.Arrays.stream(TraineeType.values())
				.map(t -> t.name().toLowerCase(java.util.Locale.ROOT) + ", " + t.name())
				.collect(Collectors.joining(" | ")) + " | other, Other | any, Generalised (k-anonymity)";
			field(csv, "trainee_type", "dropdown", "Trainee type", choices, "", "");
		}
		if (elements.contains(ExportElement.TRAINING_LEVEL)) {
			field(csv, "training_level", "dropdown", "Training level (banded)",
					"pgy1_2, PGY1-2 | pgy3_plus, PGY3+ | ms1_2, MS1-2 | ms3_4, MS3-4 | other, Other | any, Generalised (k-anonymity)",
					"", "");
		}
		String instruments = elements.stream()
			.filter(e -> e.instrument() != null)
			.sorted()
			.map(e -> e.field() + ", " + e.instrument())
			.collect(Collectors.joining(" | "));
		field(csv, "instrument", "dropdown", "Instrument", instruments, "", "");
		field(csv, "score", "text", "Score", "", "number", "Total score as the instrument defines it");
	}

	private static void field(CSVPrinter csv, String name, String type, String label, String choices, String validation,
			String note) throws IOException {
		csv.printRecord(name, FORM, "", type, label, choices, note, validation, "", "", "", "", "", "", "", "", "", "");
	}

}
