package org.cpr.identity.internal;

import java.util.Map;
import java.util.concurrent.Semaphore;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Password hashing: Argon2id at a strength the OWASP Password Storage Cheat Sheet
 * recommends, with at most {@code concurrency} hashes computed at once.
 *
 * <p>
 * <b>Parameters.</b> The default is OWASP's fifth Argon2id configuration: m = 7 MiB
 * (7,168 KiB), t = 5, p = 1, a 16-byte salt and a 32-byte hash. OWASP lists five settings
 * it calls equivalent in the defence they give (m = 46 MiB × t = 1, 19 × 2, 12 × 3, 9 ×
 * 4, 7 × 5); any of them may be configured ({@code cpr.identity.argon2.memory-kib},
 * {@code .iterations}), nothing weaker: the constructor refuses less than 7 MiB or less
 * than 35 MiB-passes (memory × iterations). Measured with the calling thread's CPU time
 * on the 2-core machine ({@code Argon2Cost}, docs/benchmarks.md "Session 8"), one check
 * costs a median 56 ms at 46 × 1, 40 ms at 19 × 2, 34 ms at 12 × 3, 33 ms at 9 × 4 and 30
 * ms at 7 × 5: the smallest block array stays in the processor's caches, so 7 × 5 is the
 * cheapest of the equivalent settings here (about 66 checks a second on two cores against
 * 51 at 19 × 2). Hashes made with another of the settings still verify and are replaced
 * at the next sign-in ({@link #upgradeEncoding}). (Spring Security's
 * {@code defaultsForSpringSecurity_v5_8}, used at first, is m = 16 MiB, t = 2: below the
 * OWASP line.) NIST SP 800-63B asks for a salted, memory-hard or iterated one-way
 * function with a cost factor "as high as practical".
 *
 * <p>
 * <b>Why bound concurrency.</b> Argon2id is memory-hard by design: every hash fills m of
 * fresh memory. Fifty sign-ins at once on a 2-core machine would all run, time-sliced,
 * each holding m (at 19 MiB, about 1 GB of short-lived blocks the collector must copy and
 * promote), and all fifty would finish late. With one hash per core at a time the others
 * wait in a fair queue, each hash runs at full speed in a warm cache, and the memory held
 * for hashing is {@code concurrency} × m. The strength is unchanged.
 *
 * <p>
 * <b>Upgrade.</b> Hashes are stored as {@code {argon2id}$argon2id$v=19$m=…,t=…,p=…$…}.
 * Older ones ({@code {argon2@SpringSecurity_v5_8}}, {@code {bcrypt}}) still verify;
 * {@link #upgradeEncoding} says yes for them and for any Argon2id hash weaker than the
 * configured parameters, and the sign-in then stores a fresh hash
 * ({@code PersonUserDetailsService.updatePassword}).
 */
final class BoundedPasswordEncoder implements PasswordEncoder {

	/** OWASP's lowest memory setting (7 MiB, with 5 passes). */
	static final int MIN_MEMORY_KIB = 7 * 1024;

	/** OWASP's trade-offs all cost at least 35 MiB-passes (7 MiB × 5). */
	static final int MIN_MEMORY_PASSES_KIB = 35 * 1024;

	static final String ID = "argon2id";

	private final PasswordEncoder delegate;

	private final Semaphore permits;

	private final int memoryKib;

	private final int iterations;

	BoundedPasswordEncoder(int memoryKib, int iterations, int parallelism, int concurrency) {
		if (memoryKib < MIN_MEMORY_KIB || (long) memoryKib * iterations < MIN_MEMORY_PASSES_KIB || parallelism < 1) {
			throw new IllegalArgumentException("Argon2id parameters below the OWASP minimum (m >= 7168 KiB,"
					+ " m x t >= 35840 KiB, p >= 1): m=" + memoryKib + " t=" + iterations + " p=" + parallelism);
		}
		this.memoryKib = memoryKib;
		this.iterations = iterations;
		Argon2PasswordEncoder argon2 = new Argon2PasswordEncoder(16, 32, parallelism, memoryKib, iterations);
		// the old prefix decodes with the same encoder: the parameters are in the hash
		this.delegate = new DelegatingPasswordEncoder(ID,
				Map.of(ID, argon2, "argon2@SpringSecurity_v5_8", argon2, "bcrypt", new BCryptPasswordEncoder()));
		this.permits = new Semaphore(Math.max(1, concurrency), true);
	}

	@Override
	public String encode(CharSequence rawPassword) {
		return bounded(() -> delegate.encode(rawPassword));
	}

	@Override
	public boolean matches(CharSequence rawPassword, String encodedPassword) {
		if (encodedPassword == null || encodedPassword.isEmpty()) {
			return false;
		}
		return bounded(() -> delegate.matches(rawPassword, encodedPassword));
	}

	@Override
	public boolean upgradeEncoding(String encodedPassword) {
		return encodedPassword != null && !encodedPassword.isEmpty() && delegate.upgradeEncoding(encodedPassword);
	}

	/** "m=7168 KiB, t=5" — for the start-up log line (no secret in it). */
	String parameters() {
		return "m=" + memoryKib + " KiB, t=" + iterations;
	}

	private <T> T bounded(java.util.function.Supplier<T> hashing) {
		try {
			permits.acquire();
		}
		catch (InterruptedException e) {
			Thread.currentThread().interrupt();
			throw new IllegalStateException("interrupted while waiting to hash a password", e);
		}
		try {
			return hashing.get();
		}
		finally {
			permits.release();
		}
	}

}
