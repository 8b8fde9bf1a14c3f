package org.cpr.identity.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.OptionalLong;

import dev.samstevens.totp.code.CodeGenerator;
import dev.samstevens.totp.code.DefaultCodeGenerator;
import dev.samstevens.totp.exceptions.CodeGenerationException;
import dev.samstevens.totp.exceptions.QrGenerationException;
import dev.samstevens.totp.qr.QrData;
import dev.samstevens.totp.qr.ZxingPngQrGenerator;
import dev.samstevens.totp.recovery.RecoveryCodeGenerator;
import dev.samstevens.totp.secret.DefaultSecretGenerator;
import org.springframework.stereotype.Component;

import org.cpr.shared.Digests;

/**
 * RFC 6238 TOTP (SHA-1, 6 digits, 30 s, one step of drift) on the injected clock, and
 * recovery codes.
 */
@Component
class Totp {

	static final String ISSUER = "CPR platform";

	static final int PERIOD_SECONDS = 30;

	private final CodeGenerator generator = new DefaultCodeGenerator();

	private final Clock clock;

	Totp(Clock clock) {
		this.clock = clock;
	}

	public String newSecret() {
		return new DefaultSecretGenerator(32).generate();
	}

	public boolean verify(String secret, String code) {
		return matchingStep(secret, code).isPresent();
	}

	/**
	 * The time step (30 s counter) whose code this is, within one step of drift, if any:
	 * the caller stores it so the same code (or an older one) cannot be used again in its
	 * window.
	 */
	public OptionalLong matchingStep(String secret, String code) {
		String digits = code == null ? "" : code.replaceAll("\\s", "");
		if (!digits.matches("\\d{6}")) {
			return OptionalLong.empty();
		}
		long now = Math.floorDiv(clock.instant().getEpochSecond(), PERIOD_SECONDS);
		OptionalLong match = OptionalLong.empty();
		for (long step = now - 1; step <= now + 1; step++) {
			try {
				if (MessageDigest.isEqual(generator.generate(secret, step).getBytes(StandardCharsets.US_ASCII),
						digits.getBytes(StandardCharsets.US_ASCII))) {
					match = OptionalLong.of(step);
				}
			}
			catch (CodeGenerationException e) {
				return OptionalLong.empty();
			}
		}
		return match;
	}

	/** The enrolment QR code as a PNG data URI (allowed by the CSP's img-src data:). */
	public String qrCode(String secret, String account) {
		QrData data = new QrData.Builder().label(account)
			.secret(secret)
			.issuer(ISSUER)
			.algorithm(dev.samstevens.totp.code.HashingAlgorithm.SHA1)
			.digits(6)
			.period(30)
			.build();
		try {
			ZxingPngQrGenerator generator = new ZxingPngQrGenerator();
			return "data:" + generator.getImageMimeType() + ";base64,"
					+ Base64.getEncoder().encodeToString(generator.generate(data));
		}
		catch (QrGenerationException e) {
			throw new IllegalStateException("QR code generation failed", e);
		}
	}

	public List<String> newRecoveryCodes() {
		return List.of(new RecoveryCodeGenerator().generateCodes(10));
	}

	/**
	 * Recovery codes are long random strings, so a fast hash is enough (no dictionary to
	 * attack).
	 */
	static String hash(String recoveryCode) {
		return Digests.sha256Hex(recoveryCode.strip().toLowerCase(java.util.Locale.ROOT));
	}

}
