package org.cpr.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.subtle.Hkdf;
import org.cpr.shared.KeyedHash;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * HMAC-SHA256 keyed from {@code cpr.crypto.key} (the same outside-the-database secret as
 * {@link TinkSecretBox}), through HKDF with a per-purpose label, so the encryption key
 * itself is never used as a MAC key and fingerprints of different purposes never
 * coincide.
 */
@Component
class HmacKeyedHash implements KeyedHash {

	private final byte[] master;

	HmacKeyedHash(@Value("${cpr.crypto.key:}") String base64Key) {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalStateException(
					"Set cpr.crypto.key (CPR_CRYPTO_KEY): 32 random bytes, base64, kept outside the database.");
		}
		this.master = Base64.getDecoder().decode(base64Key.strip());
		if (master.length != 32) {
			throw new IllegalStateException("cpr.crypto.key must be 32 bytes (base64 of 32 random bytes).");
		}
	}

	@Override
	public String hex(String purpose, String value) {
		try {
			byte[] key = Hkdf.computeHkdf("HMACSHA256", master, new byte[0],
					("cpr:keyed-hash:v1:" + purpose).getBytes(StandardCharsets.UTF_8), 32);
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("keyed hash failed", e);
		}
	}

}
