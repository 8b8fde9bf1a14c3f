package org.cpr.courses;

/**
 * How an offering is evaluated through the survey engine.
 *
 * @param questionnaire the questionnaire sent after each session (a library definition
 * id), or null for none
 * @param anonymous anonymous (the default) or confidential responses
 * @param prepostMeasure a questionnaire answered before the first and after the last
 * session (e.g. {@code brs}, {@code who-5}), or null; only for offerings with more than
 * one session
 */
public record EvaluationSettings(String questionnaire, boolean anonymous, String prepostMeasure) {

	/** The shipped short session evaluation. */
	public static final String SESSION_EVALUATION = "session-evaluation";

	/**
	 * What an offering gets until someone changes it: the shipped session evaluation,
	 * anonymous, no pre/post measure.
	 */
	public static final EvaluationSettings DEFAULT = new EvaluationSettings(SESSION_EVALUATION, true, null);

}
