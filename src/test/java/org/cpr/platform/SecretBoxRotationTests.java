package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;

import com.google.crypto.tink.subtle.AesGcmJce;
import org.junit.jupiter.api.Test;

/**
 * A key rotation as an operator does it: the new key becomes cpr.crypto.key, the old one
 * moves to cpr.crypto.retired-keys; everything sealed before stays readable (also values
 * from before key ids existed), new values and resealed ones use the new key, and once
 * the old key is dropped only what was resealed can be read.
 */
class SecretBoxRotationTests {

	static String newKey() {
		byte[] key = new byte[32];
		new SecureRandom().nextBytes(key);
		return Base64.getEncoder().encodeToString(key);
	}

	@Test
	void oldDataStaysReadableAndResealingMovesItToTheNewPrimary() throws Exception {
		String oldKey = newKey();
		String newKey = newKey();
		TinkSecretBox before = new TinkSecretBox(oldKey, List.of());
		String sealedBefore = before.seal("JBSWY3DPEHPK3PXP", "totp:someone");
		assertThat(before.sealedWithPrimary(sealedBefore)).isTrue();

		TinkSecretBox rotated = new TinkSecretBox(newKey, List.of(oldKey));
		assertThat(rotated.open(sealedBefore, "totp:someone")).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThat(rotated.sealedWithPrimary(sealedBefore)).as("still under the retired key").isFalse();
		String resealed = rotated.reseal(sealedBefore, "totp:someone");
		assertThat(rotated.sealedWithPrimary(resealed)).isTrue();
		assertThat(rotated.sealedWithPrimary(rotated.seal("new", "ctx"))).isTrue();

		TinkSecretBox retiredDropped = new TinkSecretBox(newKey, List.of());
		assertThat(retiredDropped.open(resealed, "totp:someone")).isEqualTo("JBSWY3DPEHPK3PXP");
		assertThatThrownBy(() -> retiredDropped.open(sealedBefore, "totp:someone"))
			.isInstanceOf(IllegalStateException.class);
		assertThatThrownBy(() -> rotated.open(resealed, "totp:someone-else")).as("a value bound to another row")
			.isInstanceOf(IllegalStateException.class);
	}

	@Test
	void valuesSealedBeforeKeyIdsExistedOpenWithTheRetiredKeyAndCountAsStale() throws Exception {
		String oldKey = newKey();
		String v1 = "v1:" + Base64.getEncoder()
			.encodeToString(new AesGcmJce(Base64.getDecoder().decode(oldKey))
				.encrypt("case note".getBytes(StandardCharsets.UTF_8), "ctx".getBytes(StandardCharsets.UTF_8)));
		TinkSecretBox rotated = new TinkSecretBox(newKey(), List.of(oldKey));
		assertThat(rotated.open(v1, "ctx")).isEqualTo("case note");
		assertThat(rotated.sealedWithPrimary(v1)).isFalse();
		assertThat(new TinkSecretBox(oldKey, List.of()).open(v1, "ctx")).as("unrotated installations read v1 as before")
			.isEqualTo("case note");
	}

	@Test
	void aMalformedKeyIsRefusedWithTheSettingsName() {
		assertThatThrownBy(() -> new TinkSecretBox(newKey(), List.of("c2hvcnQ=")))
			.hasMessageContaining("cpr.crypto.retired-keys");
	}

}
