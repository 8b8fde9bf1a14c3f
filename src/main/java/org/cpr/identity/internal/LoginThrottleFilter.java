package org.cpr.identity.internal;

import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Per-client throttling of sign-in attempts (Bucket4j, in memory): 20 attempts per 5 minutes per
 * client address, refused before the password is even checked. Addresses are used as map keys only
 * and never logged. Behind a trusted reverse proxy the address is the real client's, resolved from
 * X-Forwarded-For by the platform's proxy filter before this one runs (cpr.proxy.trusted).
 */
class LoginThrottleFilter extends OncePerRequestFilter {

    static final int ATTEMPTS = 20;
    static final Duration WINDOW = Duration.ofMinutes(5);
    private static final int MAX_CLIENTS = 50_000;

    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();
    private final int attempts;

    LoginThrottleFilter() {
        this(ATTEMPTS);
    }

    /** {@code attempts} sign-in attempts per client address per {@link #WINDOW} (a campus behind one NAT may need more). */
    LoginThrottleFilter(int attempts) {
        this.attempts = Math.max(1, attempts);
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        return !("POST".equals(request.getMethod())
                && (request.getContextPath() + "/login").equals(request.getRequestURI()));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_CLIENTS) {
            buckets.clear();
        }
        Bucket bucket = buckets.computeIfAbsent(request.getRemoteAddr(), k -> Bucket.builder()
                .addLimit(Bandwidth.builder().capacity(attempts).refillGreedy(attempts, WINDOW).build()).build());
        if (!bucket.tryConsume(1)) {
            response.sendRedirect(request.getContextPath() + "/login?error=throttled");
            return;
        }
        chain.doFilter(request, response);
    }
}
