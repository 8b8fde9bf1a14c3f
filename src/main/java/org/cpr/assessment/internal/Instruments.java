package org.cpr.assessment.internal;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.questionnaire.PostedAnswers;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.Scoring;
import org.cpr.questionnaire.ScoringSpec;
import org.springframework.stereotype.Component;
import org.springframework.util.MultiValueMap;

/**
 * The questionnaire library as the snapshot uses it: the newest published version of an
 * instrument, its form, and server-side scoring of typed answers (choice weights and
 * yes/no as booleans).
 */
@Component
class Instruments {

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	private final Map<String, QuestionnaireVersion> versions = new ConcurrentHashMap<>();

	Instruments(QuestionnaireLibrary library, Scoring scoring) {
		this.library = library;
		this.scoring = scoring;
	}

	/**
	 * The published version in use; looked up once per instrument (published versions
	 * never change).
	 */
	public QuestionnaireVersion version(String instrumentId) {
		return versions.computeIfAbsent(instrumentId, id -> library.latestPublished(id)
			.orElseThrow(() -> new IllegalArgumentException("no published questionnaire " + id)));
	}

	public boolean exists(String instrumentId) {
		return versions.containsKey(instrumentId) || library.latestPublished(instrumentId).isPresent();
	}

	public FormView form(String instrumentId) {
		return scoring.form(version(instrumentId).id());
	}

	public FormView form(String instrumentId, java.util.Locale locale) {
		return scoring.form(version(instrumentId).id(), locale);
	}

	public Map<String, Object> askedOnly(String instrumentId, Map<String, Object> answers) {
		return answers == null ? Map.of() : scoring.askedOnly(versionId(instrumentId), answers);
	}

	/**
	 * The definition's band codes, in the definition's order (the columns of every band
	 * table).
	 */
	public List<String> bandCodes(String instrumentId) {
		return scoring.spec(versionId(instrumentId)).bands().stream().map(ScoringSpec.Band::code).distinct().toList();
	}

	/**
	 * True when the definition says who screens positive (see
	 * {@link ScoringSpec#healthScreen()}).
	 */
	public boolean healthScreen(String instrumentId) {
		return scoring.spec(versionId(instrumentId)).healthScreen();
	}

	public String title(String instrumentId) {
		return version(instrumentId).title();
	}

	public UUID versionId(String instrumentId) {
		return version(instrumentId).id();
	}

	/** A posted step, read by the questionnaire module (fields {@code a_<linkId>}). */
	public PostedAnswers read(String instrumentId, MultiValueMap<String, String> params) {
		return scoring.read(versionId(instrumentId), params, "a_");
	}

	/**
	 * Scores on the server; throws {@link org.cpr.questionnaire.InvalidAnswersException}
	 * for incomplete or bad answers.
	 */
	public ScoreResult score(String instrumentId, Map<String, Object> answers) {
		return scoring.score(versionId(instrumentId), answers);
	}

}
