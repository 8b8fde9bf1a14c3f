package org.cpr.assistance.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.subtle.Random;
import org.cpr.shared.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Envelope encryption for an episode's clinical text: each episode has its own 256-bit
 * data key, stored only wrapped by the key-encryption key ({@link SecretBox}, keyed by
 * {@code cpr.crypto.key}); every value is AES-256-GCM under the data key with its row id
 * as associated data, so a ciphertext cannot be moved to another row or episode. Rotating
 * the key-encryption key re-wraps the data keys only.
 */
@Component
class EnvelopeCipher {

	private static final String VERSION = "e1:";

	private final SecretBox kek;

	/**
	 * Unwrapped keys by episode and wrapped value (bounded: an entry is 32 bytes; cleared
	 * when it grows large).
	 */
	private final Map<String, AesGcmJce> keys = new ConcurrentHashMap<>();

	EnvelopeCipher(SecretBox kek) {
		this.kek = kek;
	}

	/** A fresh data key for a new episode, wrapped. */
	public String newWrappedKey(UUID episode) {
		return kek.seal(Base64.getEncoder().encodeToString(Random.randBytes(32)), context(episode));
	}

	public String seal(String wrappedKey, UUID episode, String plaintext, String rowContext) {
		try {
			byte[] sealed = aead(wrappedKey, episode).encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					rowContext.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	public String open(String wrappedKey, UUID episode, String sealed, String rowContext) {
		if (sealed == null || !sealed.startsWith(VERSION)) {
			throw new IllegalArgumentException("not an envelope-sealed value");
		}
		try {
			byte[] plain = aead(wrappedKey, episode).decrypt(
					Base64.getDecoder().decode(sealed.substring(VERSION.length())),
					rowContext.getBytes(StandardCharsets.UTF_8));
			return new String(plain, StandardCharsets.UTF_8);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("decryption failed: wrong key or tampered value", e);
		}
	}

	/** Drops unwrapped keys from memory (after episodes were deleted). */
	public void forgetKeys() {
		keys.clear();
	}

	private AesGcmJce aead(String wrappedKey, UUID episode) {
		if (keys.size() > 10_000) {
			keys.clear();
		}
		return keys.computeIfAbsent(episode + "|" + wrappedKey, k -> {
			try {
				return new AesGcmJce(Base64.getDecoder().decode(kek.open(wrappedKey, context(episode))));
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("bad data key", e);
			}
		});
	}

	private static String context(UUID episode) {
		return "assistance-episode-key:" + episode;
	}

}
