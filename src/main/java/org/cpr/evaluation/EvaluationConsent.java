package org.cpr.evaluation;

import java.util.Collection;
import java.util.Optional;
import java.util.Set;

import org.cpr.shared.PersonId;

/**
 * A person's consent to the use of their own Resilience Snapshot scores in program
 * evaluation and de-identified research. Asked at the snapshot (no default answer),
 * recorded with the version of the text the person read, revocable on their own page; the
 * latest decision counts, so a revocation takes them out of every later analysis and
 * export.
 */
public interface EvaluationConsent {

	/**
	 * The version of the consent text currently shown (message keys
	 * {@code evaluation.consent.text.<version>}).
	 */
	String CURRENT_VERSION = "2026-1";

	Optional<ConsentDecision> current(PersonId person);

	/** Records a decision on the current text. */
	ConsentDecision decide(PersonId person, boolean granted);

	/** The people among {@code people} whose latest decision is consent. */
	Set<PersonId> consenting(Collection<PersonId> people);

	/** One decision: which text, yes or no, when. */
	record ConsentDecision(String textVersion, boolean granted, java.time.Instant decidedAt) {
	}

}
