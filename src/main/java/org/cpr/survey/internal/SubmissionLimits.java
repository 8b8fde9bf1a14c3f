package org.cpr.survey.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import org.cpr.survey.InvalidAnswersException;
import org.cpr.survey.SubmissionContext;

/**
 * What fits where answers are stored, checked before anything reaches the database so an
 * answer that is too long is a 422 naming the item, not a failed insert: the answers of
 * one response (comments included) in {@link #MAX_ANSWERS} characters as stored, each
 * grouping context value in {@link #MAX_CONTEXT}.
 */
final class SubmissionLimits {

	/** Stored answers (canonical JSON) of a response or a draft. */
	static final int MAX_ANSWERS = 8000;

	/** Hospital, rotation and PGY band as sent with a response. */
	static final int MAX_CONTEXT = 80;

	private SubmissionLimits() {
	}

	/**
	 * Throws {@link InvalidAnswersException} when the answers or the context cannot be
	 * stored as sent.
	 */
	static void check(Map<String, Object> answers, SubmissionContext ctx) {
		Map<String, String> errors = new LinkedHashMap<>();
		if (ctx != null) {
			context(errors, "context.hospital", ctx.hospital());
			context(errors, "context.rotation", ctx.rotation());
			context(errors, "context.pgyLevel", ctx.pgyBand());
		}
		if (answers != null && CanonicalAnswers.of(answers).length() > MAX_ANSWERS) {
			errors.put(longestText(answers), "answer.tooLongToStore");
		}
		if (!errors.isEmpty()) {
			throw new InvalidAnswersException(errors);
		}
	}

	private static void context(Map<String, String> errors, String field, String value) {
		if (value != null && value.length() > MAX_CONTEXT) {
			errors.put(field, "context.tooLong");
		}
	}

	/**
	 * The item to blame: the longest text answer (a comment, usually), else the answers
	 * as a whole.
	 */
	private static String longestText(Map<String, Object> answers) {
		String item = "answers";
		int longest = -1;
		for (Map.Entry<String, Object> e : answers.entrySet()) {
			if (e.getValue() instanceof CharSequence text && text.length() > longest) {
				longest = text.length();
				item = e.getKey();
			}
		}
		return item;
	}

}
