package org.cpr.courses.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The rotating check-in code: an HMAC of the session and the 30-second window under the
 * session's own random secret (kept in the database, so every node computes the same
 * code).
 */
final class CheckInCodes {

	public static final long WINDOW_SECONDS = 30;

	private CheckInCodes() {
	}

	public static long window(Instant at) {
		return Math.floorDiv(at.getEpochSecond(), WINDOW_SECONDS);
	}

	public static Instant windowEnd(long window) {
		return Instant.ofEpochSecond((window + 1) * WINDOW_SECONDS);
	}

	public static String code(String secretHex, String sessionId, long window) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(HexFormat.of().parseHex(secretHex), "HmacSHA256"));
			byte[] digest = mac.doFinal((sessionId + ":" + window).getBytes(StandardCharsets.UTF_8));
			return Base64.getUrlEncoder().withoutPadding().encodeToString(digest).substring(0, 16);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/** Constant-time comparison of a presented code with the expected one. */
	public static boolean matches(String expected, String presented) {
		return presented != null && MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII),
				presented.getBytes(StandardCharsets.US_ASCII));
	}

}
