package org.cpr.questionnaire;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Answers read from a posted HTML form by {@link Scoring#read}: one field per answerable
 * item, named {@code <prefix><linkId>}. Survey pages, snapshot steps, check-in and the
 * questionnaire preview all read their forms this way, so a value means the same
 * everywhere.
 *
 * @param answers typed answers by linkId, ready for
 * {@link Scoring#score(java.util.UUID, Map)}: {@code Boolean} for yes/no,
 * {@code BigDecimal} for choices and numbers (the one numeric type of posted answers:
 * exact as typed, so "3" is stored as 3), {@code String} otherwise (dates as
 * {@code YYYY-MM-DD}, text, and anything the item does not take, which scoring then
 * names). Answers to questions not asked given the other answers (a condition not met, or
 * the gate answered "no") are left out.
 * @param entered what was sent, by linkId, to show the form again as it was
 */
public record PostedAnswers(Map<String, Object> answers, Map<String, String> entered) {

	public PostedAnswers {
		answers = Collections.unmodifiableMap(new LinkedHashMap<>(answers));
		entered = Collections.unmodifiableMap(new LinkedHashMap<>(entered));
	}

}
