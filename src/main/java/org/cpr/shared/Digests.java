package org.cpr.shared;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * Unkeyed SHA-256 as lower-case hex, for values that are long random strings (tokens,
 * codes) or content fingerprints. Where a stored value must not be recomputable from a
 * database dump, use {@link KeyedHash} instead.
 */
public final class Digests {

	private Digests() {
	}

	/** Lower-case hex of SHA-256 over the UTF-8 bytes of {@code text}; 64 characters. */
	public static String sha256Hex(String text) {
		return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
	}

	/** Lower-case hex of SHA-256 over {@code parts}, fed in order; 64 characters. */
	public static String sha256Hex(byte[]... parts) {
		return HexFormat.of().formatHex(sha256(parts));
	}

	/** SHA-256 over {@code parts}, fed in order. */
	public static byte[] sha256(byte[]... parts) {
		MessageDigest sha;
		try {
			sha = MessageDigest.getInstance("SHA-256");
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
		for (byte[] part : parts) {
			sha.update(part);
		}
		return sha.digest();
	}

}
