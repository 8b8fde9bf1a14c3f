package org.cpr.survey.internal;

import java.util.Map;
import java.util.TreeMap;

/**
 * A stable text form of an answer map (sorted keys). Deliberately no unkeyed hash helper:
 * a plain SHA-256 of stored answers is a join key for anyone who reads the database (use
 * {@code KeyedHash}).
 */
final class CanonicalAnswers {

	private CanonicalAnswers() {
	}

	static String of(Map<String, Object> answers) {
		StringBuilder sb = new StringBuilder("{");
		new TreeMap<>(answers).forEach((k, v) -> {
			if (sb.length() > 1) {
				sb.append(',');
			}
			sb.append(quote(k)).append(':').append(v instanceof Number ? v.toString() : quote(String.valueOf(v)));
		});
		return sb.append('}').toString();
	}

	private static String quote(String s) {
		return '"' + s.replace("\\", "\\\\").replace("\"", "\\\"") + '"';
	}

}
