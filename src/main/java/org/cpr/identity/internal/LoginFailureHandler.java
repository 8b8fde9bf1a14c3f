package org.cpr.identity.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.authentication.LockedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Counts consecutive failures per account and locks it for a while after too many (NIST
 * 800-63B allows at most 100). The page says so plainly without telling whether the
 * account exists.
 */
@Component
class LoginFailureHandler implements AuthenticationFailureHandler {

	static final int LOCK_AFTER = 10;
	static final Duration LOCK_FOR = Duration.ofMinutes(15);

	private final PersonRepository people;

	private final Clock clock;

	private final TransactionTemplate tx;

	LoginFailureHandler(PersonRepository people, Clock clock, TransactionTemplate tx) {
		this.people = people;
		this.clock = clock;
		this.tx = tx;
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String username = request.getParameter("username");
		if (username != null && !(exception instanceof LockedException)) {
			tx.executeWithoutResult(s -> people.findByUsernameIgnoreCase(username.strip())
				.ifPresent(p -> p.loginFailed(LOCK_AFTER, clock.instant(), LOCK_FOR)));
		}
		String reason = exception instanceof LockedException ? "locked" : "bad";
		response.sendRedirect(request.getContextPath() + "/login?error=" + reason);
	}

}
