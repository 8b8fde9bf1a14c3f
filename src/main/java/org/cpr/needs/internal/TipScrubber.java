package org.cpr.needs.internal;

import java.util.List;
import java.util.regex.Pattern;

/**
 * The automatic scrub every tip passes (before review and again on publication): e-mail
 * addresses, telephone and record numbers, dates and days, and names after a title (Dr.,
 * Nurse, Sra., …) become placeholders. It is a safety net; the reviewer's edit is the
 * main step.
 */
final class TipScrubber {

	private static final String MONTHS = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|jun(?:e)?|jul(?:y)?|aug(?:ust)?"
			+ "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?|enero|febrero|marzo|abril|mayo|junio|julio|agosto"
			+ "|septiembre|octubre|noviembre|diciembre";

	private static final String DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday|lunes|martes|miércoles"
			+ "|miercoles|jueves|viernes|sábado|sabado|domingo|yesterday|tomorrow|ayer|mañana";

	private record Rule(Pattern pattern, String replacement) {
	}

	private static final List<Rule> RULES = List.of(
			new Rule(Pattern.compile("[\\w.+-]+@[\\w-]+(\\.[\\w-]+)+"), "[email]"),
			new Rule(Pattern.compile("\\b\\d{4}-\\d{1,2}-\\d{1,2}\\b|\\b\\d{1,2}[/.]\\d{1,2}([/.]\\d{2,4})?\\b"),
					"[date]"),
			new Rule(Pattern.compile("(?i)\\b(" + MONTHS + ")\\.?\\s+\\d{1,2}(st|nd|rd|th)?(,?\\s+\\d{4})?\\b"),
					"[date]"),
			new Rule(Pattern
				.compile("(?i)\\b\\d{1,2}(st|nd|rd|th)?\\s+(of\\s+|de\\s+)?(" + MONTHS + ")\\b(\\s+(de\\s+)?\\d{4})?"),
					"[date]"),
			new Rule(Pattern.compile("(?i)\\b(" + DAYS + ")\\b"), "[day]"),
			new Rule(Pattern.compile("\\+?\\d[\\d ()-]{5,}\\d"), "[number]"),
			new Rule(Pattern.compile(
					"\\b(?:Dr|Dra|Drs|Mr|Mrs|Ms|Miss|Prof|Sr|Sra|Srta|Nurse|Enfermer[oa]|Doctor|Doctora|Attending|Chief)\\.?"
							+ "\\s+\\p{Lu}[\\p{L}'-]+(\\s+\\p{Lu}[\\p{L}'-]+)?"),
					"[name]"),
			new Rule(Pattern.compile("@\\w{2,}"), "[name]"));

	private TipScrubber() {
	}

	public static String scrub(String text) {
		if (text == null) {
			return "";
		}
		String out = text.strip();
		for (Rule rule : RULES) {
			out = rule.pattern().matcher(out).replaceAll(rule.replacement());
		}
		return out.replaceAll("\\s{2,}", " ");
	}

}
