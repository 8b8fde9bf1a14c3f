package org.cpr.cqi.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Locale;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

import org.cpr.shared.Digests;

/**
 * Reply codes and idempotency fingerprints for anonymous reports. A reply code is derived
 * from the submission's idempotency key with a server secret, so a retried submission
 * shows the same code while the server keeps only its hash.
 */
@Component
class ReplyCodes {

	private static final char[] ALPHABET = "ABCDEFGHJKMNPQRSTUVWXYZ23456789".toCharArray();

	private final byte[] secret;

	ReplyCodes(@Value("${cpr.cqi.reply-code-secret:}") String configured) {
		if (configured == null || configured.isBlank()) {
			secret = new byte[32];
			new SecureRandom().nextBytes(secret);
		}
		else {
			secret = configured.getBytes(StandardCharsets.UTF_8);
		}
	}

	/**
	 * 20 characters from a 31-letter alphabet, about 99 bits: unguessable, easy to copy.
	 */
	public String replyCodeFor(String idempotencyKey) {
		byte[] mac = hmac("reply:" + idempotencyKey);
		StringBuilder code = new StringBuilder();
		for (int i = 0; i < 20; i++) {
			code.append(ALPHABET[(mac[i] & 0xff) % ALPHABET.length]);
			if (i % 5 == 4 && i < 19) {
				code.append('-');
			}
		}
		return code.toString();
	}

	public static String normalize(String code) {
		return code == null ? "" : code.strip().toUpperCase(Locale.ROOT).replace(" ", "");
	}

	public static String sha256(String value) {
		return Digests.sha256Hex(value);
	}

	private byte[] hmac(String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(secret, "HmacSHA256"));
			return mac.doFinal(value.getBytes(StandardCharsets.UTF_8));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
