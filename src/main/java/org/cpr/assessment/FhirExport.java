package org.cpr.assessment;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;

import org.cpr.questionnaire.Scoring;

/**
 * A person's snapshots as a FHIR R4 collection Bundle of QuestionnaireResponses, one per
 * instrument taken, each pointing at the questionnaire version answered and carrying the
 * server's score and band as extensions. No subject: the file is the person's own. The
 * FHIR writing is the questionnaire module's ({@link Scoring#bundle}); this module passes
 * its records.
 */
final class FhirExport {

	private FhirExport() {
	}

	/**
	 * The bundle with answers written as the questionnaire module writes them: choice
	 * answers as the option's coding.
	 */
	public static String bundle(List<SubmittedSnapshot> history, Map<java.util.UUID, Integer> versionNumbers,
			Date generated, Scoring scoring) {
		List<Scoring.BundleEntry> entries = new ArrayList<>();
		for (SubmittedSnapshot s : history) {
			for (InstrumentResult r : s.results()) {
				entries.add(new Scoring.BundleEntry(s.id() + "-" + r.instrumentId(), r.versionId(), r.instrumentId(),
						versionNumbers.getOrDefault(r.versionId(), 1), r.answers(), r.score(), r.band(),
						s.submittedAt()));
			}
		}
		return scoring.bundle(entries, generated.toInstant());
	}

}
