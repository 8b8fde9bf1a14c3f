package org.cpr.identity;

import jakarta.servlet.http.HttpSession;
import org.cpr.shared.PersonId;

/**
 * What the session remembers about the second factor: who passed it, and an enrolment in
 * progress.
 */
public final class MfaSession {

	public static final String PASSED = "cpr.mfa.passed";

	public static final String PENDING_SECRET = "cpr.mfa.pendingSecret";

	public static final String FRESH_RECOVERY_CODES = "cpr.mfa.recoveryCodes";

	public static final String FAILURES = "cpr.mfa.failures";

	private MfaSession() {
	}

	public static boolean passed(HttpSession session, PersonId person) {
		return session != null && person.toString().equals(session.getAttribute(PASSED));
	}

	public static void markPassed(HttpSession session, PersonId person) {
		session.setAttribute(PASSED, person.toString());
		session.removeAttribute(FAILURES);
	}

	/**
	 * Counts a wrong code; returns the number of consecutive failures in this session.
	 */
	public static int failed(HttpSession session) {
		Integer failures = (Integer) session.getAttribute(FAILURES);
		int next = failures == null ? 1 : failures + 1;
		session.setAttribute(FAILURES, next);
		return next;
	}

}
