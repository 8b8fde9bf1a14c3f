package org.cpr.platform;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;

import com.google.crypto.tink.Aead;
import com.google.crypto.tink.InsecureSecretKeyAccess;
import com.google.crypto.tink.KeysetHandle;
import com.google.crypto.tink.RegistryConfiguration;
import com.google.crypto.tink.aead.AeadConfig;
import com.google.crypto.tink.aead.AesGcmKey;
import com.google.crypto.tink.aead.AesGcmParameters;
import com.google.crypto.tink.subtle.AesGcmJce;
import com.google.crypto.tink.util.SecretBytes;
import org.cpr.shared.Digests;
import org.cpr.shared.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM through a Tink keyset: {@code cpr.crypto.key} (32 bytes, base64) is the
 * primary key that seals; {@code cpr.crypto.retired-keys} (comma-separated, same form)
 * stay readable until the re-encryption job has resealed everything under the primary.
 * Values are {@code v2:} + Tink's ciphertext, whose 5-byte prefix names the key (its id
 * is derived from the key, so every node agrees); {@code v1:} values from before rotation
 * existed (raw AES-GCM, no key id) are opened with each key in turn. The demo profile
 * ships a fixed demo key; production must supply its own (refuses to start without).
 */
@Component
class TinkSecretBox implements SecretBox {

	private static final String LEGACY = "v1:";

	private static final String VERSION = "v2:";

	private final Aead keyset;

	private final int primaryId;

	private final List<AesGcmJce> legacy = new ArrayList<>();

	TinkSecretBox(@Value("${cpr.crypto.key:}") String base64Key,
			@Value("${cpr.crypto.retired-keys:}") List<String> retired) throws GeneralSecurityException {
		if (base64Key == null || base64Key.isBlank()) {
			throw new IllegalStateException(
					"Set cpr.crypto.key (CPR_CRYPTO_KEY): 32 random bytes, base64, kept outside the database.");
		}
		AeadConfig.register();
		byte[] primary = key(base64Key, "cpr.crypto.key");
		this.primaryId = keyId(primary);
		KeysetHandle.Builder builder = KeysetHandle.newBuilder()
			.addEntry(KeysetHandle.importKey(tinkKey(primary, primaryId)).withFixedId(primaryId).makePrimary());
		legacy.add(new AesGcmJce(primary));
		LinkedHashSet<Integer> ids = new LinkedHashSet<>(List.of(primaryId));
		for (String old : retired == null ? List.<String>of() : retired) {
			if (old == null || old.isBlank()) {
				continue;
			}
			byte[] bytes = key(old, "cpr.crypto.retired-keys");
			int id = keyId(bytes);
			if (ids.add(id)) {
				builder.addEntry(KeysetHandle.importKey(tinkKey(bytes, id)).withFixedId(id));
				legacy.add(new AesGcmJce(bytes));
			}
		}
		this.keyset = builder.build().getPrimitive(RegistryConfiguration.get(), Aead.class);
	}

	private static byte[] key(String base64, String setting) {
		byte[] key = Base64.getDecoder().decode(base64.strip());
		if (key.length != 32) {
			throw new IllegalStateException(setting + " must be 32 bytes (base64 of 32 random bytes).");
		}
		return key;
	}

	/**
	 * A stable, non-secret id per key: the first four bytes of a hash of a label and the
	 * key.
	 */
	private static int keyId(byte[] key) {
		return ByteBuffer.wrap(Digests.sha256("cpr-secret-box-key-id".getBytes(StandardCharsets.UTF_8), key)).getInt();
	}

	private static AesGcmKey tinkKey(byte[] key, int id) throws GeneralSecurityException {
		AesGcmParameters parameters = AesGcmParameters.builder()
			.setKeySizeBytes(32)
			.setIvSizeBytes(12)
			.setTagSizeBytes(16)
			.setVariant(AesGcmParameters.Variant.TINK)
			.build();
		return AesGcmKey.builder()
			.setParameters(parameters)
			.setIdRequirement(id)
			.setKeyBytes(SecretBytes.copyFrom(key, InsecureSecretKeyAccess.get()))
			.build();
	}

	@Override
	public String seal(String plaintext, String context) {
		try {
			byte[] sealed = keyset.encrypt(plaintext.getBytes(StandardCharsets.UTF_8),
					context.getBytes(StandardCharsets.UTF_8));
			return VERSION + Base64.getEncoder().encodeToString(sealed);
		}
		catch (GeneralSecurityException e) {
			throw new IllegalStateException("encryption failed", e);
		}
	}

	@Override
	public String open(String sealed, String context) {
		byte[] associated = context.getBytes(StandardCharsets.UTF_8);
		if (sealed != null && sealed.startsWith(VERSION)) {
			try {
				return new String(
						keyset.decrypt(Base64.getDecoder().decode(sealed.substring(VERSION.length())), associated),
						StandardCharsets.UTF_8);
			}
			catch (GeneralSecurityException e) {
				throw new IllegalStateException("decryption failed: wrong key or tampered value", e);
			}
		}
		if (sealed == null || !sealed.startsWith(LEGACY)) {
			throw new IllegalArgumentException("not a sealed value");
		}
		byte[] ciphertext = Base64.getDecoder().decode(sealed.substring(LEGACY.length()));
		for (AesGcmJce key : legacy) {
			try {
				return new String(key.decrypt(ciphertext, associated), StandardCharsets.UTF_8);
			}
			catch (GeneralSecurityException wrongKey) {
				// try the next key
			}
		}
		throw new IllegalStateException("decryption failed: wrong key or tampered value");
	}

	@Override
	public boolean sealedWithPrimary(String sealed) {
		if (sealed == null || !sealed.startsWith(VERSION)) {
			return false;
		}
		byte[] raw = Base64.getDecoder().decode(sealed.substring(VERSION.length()));
		return raw.length > 5 && ByteBuffer.wrap(raw, 1, 4).getInt() == primaryId;
	}

}
