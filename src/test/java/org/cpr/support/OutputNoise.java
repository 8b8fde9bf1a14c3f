package org.cpr.support;

/**
 * Removes what legitimately differs between two renderings of the same output (CSRF
 * tokens, script nonces, generation timestamps), so that tests can assert that two
 * outputs are identical.
 */
public final class OutputNoise {

	private OutputNoise() {
	}

	public static String strip(String output) {
		return output.replaceAll("(name=\"_csrf\"[^>]*value=\")[^\"]*", "$1")
			.replaceAll("(value=\")[^\"]*(\"[^>]*name=\"_csrf\")", "$1$2")
			.replaceAll("(name=\"_csrf\"[^>]*content=\")[^\"]*", "$1")
			.replaceAll("(\"X-CSRF-TOKEN\"\\s*:\\s*\")[^\"]*", "$1")
			.replaceAll("(hx-headers='[^']*)'", "$1'")
			.replaceAll("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", "<uuid>")
			.replaceAll("(nonce=\")[^\"]*", "$1")
			.replaceAll("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d+)?)?Z?", "<time>");
	}

}
