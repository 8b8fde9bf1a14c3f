package org.cpr.audit.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.subtle.Hkdf;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The audit chain's keys, kept outside the database. {@code cpr.audit.chain-key} (base64,
 * at least 32 bytes) is the dedicated setting; without it the key is derived
 * (HKDF-SHA256) from {@code cpr.crypto.key}. Checkpoints are signed with a second key
 * derived from the chain key, so a row hash can never be replayed as a checkpoint
 * signature.
 */
@Component
class AuditKeys {

	private final byte[] chainKey;

	private final byte[] checkpointKey;

	AuditKeys(@Value("${cpr.audit.chain-key:}") String dedicated, @Value("${cpr.crypto.key:}") String cryptoKey)
			throws GeneralSecurityException {
		byte[] root;
		if (dedicated != null && !dedicated.isBlank()) {
			root = Base64.getDecoder().decode(dedicated.strip());
			if (root.length < 32) {
				throw new IllegalStateException("cpr.audit.chain-key must be at least 32 bytes (base64).");
			}
		}
		else if (cryptoKey != null && !cryptoKey.isBlank()) {
			root = Base64.getDecoder().decode(cryptoKey.strip());
		}
		else {
			throw new IllegalStateException("Set cpr.audit.chain-key or cpr.crypto.key: the audit chain is keyed.");
		}
		this.chainKey = Hkdf.computeHkdf("HMACSHA256", root, "cpr-audit".getBytes(StandardCharsets.UTF_8),
				"audit-chain-v2".getBytes(StandardCharsets.UTF_8), 32);
		this.checkpointKey = Hkdf.computeHkdf("HMACSHA256", root, "cpr-audit".getBytes(StandardCharsets.UTF_8),
				"audit-checkpoint-v1".getBytes(StandardCharsets.UTF_8), 32);
	}

	String chainMac(String canonical) {
		return hmac(chainKey, canonical);
	}

	String checkpointMac(String canonical) {
		return hmac(checkpointKey, canonical);
	}

	private static String hmac(byte[] key, String value) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(new SecretKeySpec(key, "HmacSHA256"));
			return HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

}
