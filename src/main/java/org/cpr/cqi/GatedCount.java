package org.cpr.cqi;

/**
 * A count as the disclosure gate let it out: the number when released, otherwise the
 * message key and threshold that say why it is hidden (never the real count).
 */
record GatedCount(Long value, String messageKey, int threshold) {

	public static GatedCount shown(long value) {
		return new GatedCount(value, null, 0);
	}

	public static GatedCount hidden(String messageKey, int threshold) {
		return new GatedCount(null, messageKey, threshold);
	}

	public boolean released() {
		return value != null;
	}

	public Object[] messageArguments() {
		return new Object[] { threshold };
	}

	/**
	 * What a CSV or PDF cell holds: the number, or nothing (the reason is written beside
	 * it).
	 */
	public String cell() {
		return value == null ? "" : value.toString();
	}
}
