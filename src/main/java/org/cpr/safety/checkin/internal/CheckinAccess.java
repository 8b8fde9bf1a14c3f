package org.cpr.safety.checkin.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Date;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.google.crypto.tink.subtle.Hkdf;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import org.cpr.safety.checkin.CheckinThrottledException;
import org.cpr.shared.Digests;
import org.cpr.shared.SecretBox;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;

/**
 * Handles and passphrases of anonymous check-in accounts. The handle is stored only as a
 * keyed hash (HMAC-SHA256, key derived from {@code cpr.crypto.key}, which lives outside
 * the database), so a database copy cannot be matched offline against a roster of likely
 * handles; the passphrase as an Argon2id hash. A handle is not unique: an account is the
 * pair handle + passphrase, so choosing a handle someone else already uses simply opens a
 * new account and never reveals that the handle exists. Attempts are throttled per handle
 * across all nodes ({@link CheckinAttempts}, in the database, under a keyed hash of its
 * own) and overall per node (Bucket4j, in memory: that cap protects each node's CPU from
 * a flood of Argon2 checks), without looking at who the client is. A signed-in
 * participant carries an opaque sealed token in form bodies, never in a URL or cookie.
 * <p>
 * Passphrases are hashed by the application's one {@link PasswordEncoder} (Argon2id at
 * OWASP strength, m = 7 MiB, t = 5, p = 1, at most one hash per core at a time: see
 * identity's {@code BoundedPasswordEncoder}), so a burst of check-ins queues with the
 * sign-ins instead of hashing fifty at once. Hashes written before carry no {@code {id}}
 * prefix and Spring's older parameters (m = 16 MiB, t = 2); they still verify, and the
 * next successful sign-in stores a fresh hash in the same statement that already records
 * the day of use (so a rehash tells a database reader nothing the {@code last_active_on}
 * update did not).
 * <p>
 * Accounts created before the keyed hash carry the unkeyed SHA-256 of the handle; they
 * are found by it and re-keyed at their next successful sign-in (idle ones are deleted by
 * retention).
 */
@Component
class CheckinAccess {

	static final int ATTEMPTS_PER_HANDLE = 5;
	static final Duration HANDLE_WINDOW = Duration.ofMinutes(15);
	static final Duration TOKEN_LIFETIME = Duration.ofMinutes(30);

	private static final String TOKEN_CONTEXT = "checkin-token";

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final Clock clock;

	/**
	 * The prefix under which the shared encoder reads a hash written by Spring's
	 * {@code Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()} (stored bare).
	 */
	static final String LEGACY_PREFIX = "{argon2@SpringSecurity_v5_8}";

	private final PasswordEncoder passwords;

	private final String dummyHash;

	private final CheckinAttempts perHandle;

	private final Bucket overall = Bucket.builder()
		.addLimit(Bandwidth.builder().capacity(600).refillGreedy(600, Duration.ofMinutes(1)).build())
		.build();

	private final SecretKeySpec handleKey;

	CheckinAccess(JdbcClient jdbc, SecretBox box, Clock clock, PlatformTransactionManager transactions,
			PasswordEncoder passwords, @Value("${cpr.crypto.key:}") String cryptoKey) {
		this.jdbc = jdbc;
		this.box = box;
		this.clock = clock;
		this.passwords = passwords;
		this.dummyHash = passwords.encode("timing-equaliser");
		this.handleKey = handleKey(cryptoKey);
		this.perHandle = new CheckinAttempts(jdbc, transactions, clock, ATTEMPTS_PER_HANDLE, HANDLE_WINDOW);
	}

	static String normalize(String handle) {
		return handle == null ? "" : handle.strip().toLowerCase(Locale.ROOT);
	}

	/**
	 * The stored form of a handle: HMAC-SHA256 keyed from the application's crypto key.
	 */
	String handleHash(String handle) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(handleKey);
			return HexFormat.of()
				.formatHex(mac.doFinal(("checkin-handle:" + normalize(handle)).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The key the attempt counter stores for a handle: an HMAC like {@link #handleHash}
	 * but with another purpose, so the counter's rows cannot be joined to accounts.
	 */
	String throttleKey(String handle) {
		try {
			Mac mac = Mac.getInstance("HmacSHA256");
			mac.init(handleKey);
			return HexFormat.of()
				.formatHex(mac.doFinal(("checkin-throttle:" + normalize(handle)).getBytes(StandardCharsets.UTF_8)));
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * The unkeyed hash of accounts created before the keyed one (found, then re-keyed at
	 * sign-in).
	 */
	static String legacyHandleHash(String handle) {
		return sha256("checkin-handle:" + normalize(handle));
	}

	private static SecretKeySpec handleKey(String base64) {
		if (base64 == null || base64.isBlank()) {
			throw new IllegalStateException(
					"Set cpr.crypto.key (CPR_CRYPTO_KEY): the check-in handle hash is keyed from it.");
		}
		try {
			byte[] key = Hkdf.computeHkdf("HMACSHA256", Base64.getDecoder().decode(base64.strip()),
					"cpr-checkin".getBytes(StandardCharsets.UTF_8),
					"checkin-handle-v2".getBytes(StandardCharsets.UTF_8), 32);
			return new SecretKeySpec(key, "HmacSHA256");
		}
		catch (java.security.GeneralSecurityException e) {
			throw new IllegalStateException(e);
		}
	}

	/**
	 * Creates an account; the doorbell address, if any, is sealed with the account's id
	 * as context.
	 */
	UUID create(String handle, String passphrase, String doorbell) {
		UUID id = UUID.randomUUID();
		LocalDate today = today();
		jdbc.sql(
				"""
						INSERT INTO checkin_account (id, handle_hash, passphrase_hash, doorbell_sealed, created_on, last_active_on)
						VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, handleHash(handle), passwords.encode(passphrase),
					doorbell == null || doorbell.isBlank() ? null : box.seal(doorbell.strip(), doorbellContext(id)),
					Date.valueOf(today), Date.valueOf(today))
			.update();
		return id;
	}

	/**
	 * The account for this handle and passphrase, if they match; throttled before any
	 * hash is checked.
	 */
	public Optional<UUID> authenticate(String handle, String passphrase) {
		String hash = handleHash(handle);
		if (!overall.tryConsume(1) || !perHandle.tryAttempt(throttleKey(handle))) {
			throw new CheckinThrottledException();
		}
		List<Stored> stored = find(handle);
		String candidate = passphrase == null ? "" : passphrase;
		if (stored.isEmpty()) {
			passwords.matches(candidate, dummyHash);
			return Optional.empty();
		}
		for (Stored s : stored) {
			String encoded = prefixed(s.passphraseHash());
			if (passwords.matches(candidate, encoded)) {
				if (s.legacy()) {
					jdbc.sql("UPDATE checkin_account SET handle_hash = ? WHERE id = ?").params(hash, s.id()).update();
				}
				if (passwords.upgradeEncoding(encoded)) {
					// a weaker or older hash: replaced now that the passphrase is known
					jdbc.sql("UPDATE checkin_account SET passphrase_hash = ?, last_active_on = ? WHERE id = ?")
						.params(passwords.encode(candidate), Date.valueOf(today()), s.id())
						.update();
				}
				else {
					touch(s.id());
				}
				return Optional.of(s.id());
			}
		}
		return Optional.empty();
	}

	/**
	 * The account for this handle and passphrase, or a new one: a handle already used
	 * with another passphrase is no obstacle and is never reported (no "taken" oracle).
	 */
	public UUID signInOrCreate(String handle, String passphrase, String doorbell) {
		return authenticate(handle, passphrase).orElseGet(() -> create(handle, passphrase, doorbell));
	}

	public String tokenFor(UUID account) {
		long expires = clock.instant().plus(TOKEN_LIFETIME).getEpochSecond();
		return box.seal(account + "|" + expires, TOKEN_CONTEXT);
	}

	/** The account a token stands for, while it is fresh and the account still exists. */
	public Optional<UUID> accountOf(String token) {
		if (token == null || token.isBlank() || token.length() > 400) {
			return Optional.empty();
		}
		try {
			String[] parts = box.open(token, TOKEN_CONTEXT).split("\\|");
			if (Long.parseLong(parts[1]) < clock.instant().getEpochSecond()) {
				return Optional.empty();
			}
			UUID id = UUID.fromString(parts[0]);
			boolean exists = jdbc.sql("SELECT COUNT(*) FROM checkin_account WHERE id = ?")
				.param(id)
				.query(Integer.class)
				.single() > 0;
			return exists ? Optional.of(id) : Optional.empty();
		}
		catch (RuntimeException tamperedOrMalformed) {
			return Optional.empty();
		}
	}

	Optional<String> doorbell(UUID account) {
		return jdbc.sql("SELECT doorbell_sealed FROM checkin_account WHERE id = ?")
			.param(account)
			.query(String.class)
			.optional()
			.filter(s -> s != null && !s.isBlank())
			.map(sealed -> box.open(sealed, doorbellContext(account)));
	}

	public void touch(UUID account) {
		jdbc.sql("UPDATE checkin_account SET last_active_on = ? WHERE id = ?")
			.params(Date.valueOf(today()), account)
			.update();
	}

	public LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * A stored hash as the shared encoder reads it: bare Argon2 hashes are Spring's v5.8
	 * defaults.
	 */
	static String prefixed(String stored) {
		return stored != null && stored.startsWith("$argon2") ? LEGACY_PREFIX + stored : stored;
	}

	private List<Stored> find(String handle) {
		String keyed = handleHash(handle);
		String legacy = legacyHandleHash(handle);
		return jdbc.sql("SELECT id, passphrase_hash, handle_hash FROM checkin_account WHERE handle_hash IN (?, ?)")
			.params(keyed, legacy)
			.query((rs, n) -> new Stored(rs.getObject(1, UUID.class), rs.getString(2), legacy.equals(rs.getString(3))))
			.list();
	}

	private static String doorbellContext(UUID account) {
		return "checkin-doorbell:" + account;
	}

	public static String sha256(String value) {
		return Digests.sha256Hex(value);
	}

	private record Stored(UUID id, String passphraseHash, boolean legacy) {
	}

}
