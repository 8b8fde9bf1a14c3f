package org.cpr.identity.internal;

import java.io.IOException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.shared.KeyedHash;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client throttling of sign-in attempts, shared by every node through the database:
 * 20 attempts per 5 minutes per client address, refused before the password is even
 * checked. The address is stored only as a keyed hash and never logged. Behind a trusted
 * reverse proxy the address is the real client's, resolved from X-Forwarded-For by the
 * platform's proxy filter before this one runs (cpr.proxy.trusted). Count and insert are
 * not one atomic step, so a burst of parallel attempts can overshoot the limit by the
 * number of requests in flight; the account lock-out still applies.
 * <p>
 * Single-use sign-in links ({@code /login/link}, opening and redeeming) count in a bucket
 * of their own with the same limit, so guessing tokens is throttled without a campus's
 * link clicks using up its password attempts (or the other way round).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

	static final int ATTEMPTS = 20;
	static final Duration WINDOW = Duration.ofMinutes(5);

	private final JdbcClient jdbc;

	private final KeyedHash hash;

	private final Clock clock;

	private final int attempts;

	/**
	 * {@code attempts} sign-in attempts per client address per {@link #WINDOW} (a campus
	 * behind one NAT may need more).
	 */
	LoginThrottleFilter(JdbcClient jdbc, KeyedHash hash, Clock clock, int attempts) {
		this.jdbc = jdbc;
		this.hash = hash;
		this.clock = clock;
		this.attempts = Math.max(1, attempts);
	}

	@Override
	protected boolean shouldNotFilter(HttpServletRequest request) {
		return bucket(request) == null;
	}

	/**
	 * The bucket a request counts in: password attempts and campus sign-on returns (each
	 * a completed or failed attempt at the provider) share one; sign-in link attempts
	 * have their own; null for anything else.
	 */
	static String bucket(HttpServletRequest request) {
		String path = request.getRequestURI().substring(request.getContextPath().length());
		if (("POST".equals(request.getMethod()) && "/login".equals(path)) || path.startsWith("/login/oauth2/code/")) {
			return "login-throttle";
		}
		if ("/login/link".equals(path)) {
			return "link-throttle";
		}
		return null;
	}

	@Override
	protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
			throws ServletException, IOException {
		if (!allow(hash.hex(bucket(request), request.getRemoteAddr()))) {
			response.sendRedirect(request.getContextPath() + "/login?error=throttled");
			return;
		}
		chain.doFilter(request, response);
	}

	/**
	 * Records one attempt for {@code client} unless it has used up the window; false when
	 * throttled.
	 */
	boolean allow(String client) {
		// Timestamps, not Instants: the PostgreSQL driver cannot bind an Instant
		Instant instant = clock.instant();
		Timestamp now = Timestamp.from(instant);
		Timestamp since = Timestamp.from(instant.minus(WINDOW));
		jdbc.sql("DELETE FROM login_attempt WHERE client_key = :client AND attempted_at <= :since")
			.param("client", client)
			.param("since", since)
			.update();
		long recent = jdbc
			.sql("SELECT COUNT(*) FROM login_attempt WHERE client_key = :client AND attempted_at > :since")
			.param("client", client)
			.param("since", since)
			.query(Long.class)
			.single();
		if (recent >= attempts) {
			return false;
		}
		jdbc.sql("INSERT INTO login_attempt (client_key, attempted_at) VALUES (:client, :now)")
			.param("client", client)
			.param("now", now)
			.update();
		return true;
	}

}
