package org.cpr.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;

import com.google.crypto.tink.subtle.AesGcmJce;
import org.cpr.shared.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * AES-256-GCM through Tink, keyed by {@code cpr.crypto.key} (32 bytes, base64). The demo profile
 * ships a fixed demo key; production must supply its own (the application refuses to start without).
 */
@Component
class TinkSecretBox implements SecretBox {

    private static final String VERSION = "v1:";

    private final AesGcmJce aead;

    TinkSecretBox(@Value("${cpr.crypto.key:}") String base64Key) throws GeneralSecurityException {
        if (base64Key == null || base64Key.isBlank()) {
            throw new IllegalStateException("Set cpr.crypto.key (CPR_CRYPTO_KEY): 32 random bytes, base64, kept outside the database.");
        }
        byte[] key = Base64.getDecoder().decode(base64Key.strip());
        if (key.length != 32) {
            throw new IllegalStateException("cpr.crypto.key must be 32 bytes (base64 of 32 random bytes).");
        }
        this.aead = new AesGcmJce(key);
    }

    @Override
    public String seal(String plaintext, String context) {
        try {
            byte[] sealed = aead.encrypt(plaintext.getBytes(StandardCharsets.UTF_8), context.getBytes(StandardCharsets.UTF_8));
            return VERSION + Base64.getEncoder().encodeToString(sealed);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("encryption failed", e);
        }
    }

    @Override
    public String open(String sealed, String context) {
        if (sealed == null || !sealed.startsWith(VERSION)) {
            throw new IllegalArgumentException("not a sealed value");
        }
        try {
            byte[] plain = aead.decrypt(Base64.getDecoder().decode(sealed.substring(VERSION.length())),
                    context.getBytes(StandardCharsets.UTF_8));
            return new String(plain, StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("decryption failed: wrong key or tampered value", e);
        }
    }
}
