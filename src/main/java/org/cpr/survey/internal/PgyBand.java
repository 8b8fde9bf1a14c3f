package org.cpr.survey.internal;

/** Coarsens a training level (e.g. "PGY3") to a band: PGY1, PGY2-3, PGY4+. */
final class PgyBand {

	private PgyBand() {
	}

	static String of(String level) {
		if (level == null || !level.toUpperCase().startsWith("PGY")) {
			return null;
		}
		try {
			int n = Integer.parseInt(level.substring(3).replaceAll("\\D.*$", ""));
			return n <= 1 ? "PGY1" : n <= 3 ? "PGY2-3" : "PGY4+";
		}
		catch (NumberFormatException e) {
			return null;
		}
	}

}
