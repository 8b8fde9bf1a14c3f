package org.cpr.identity.internal;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;

/**
 * A refused campus sign-on says which of its causes it was (not on the roster, e-mail not
 * verified by the provider, deactivated here, cancelled at the provider, the sign-in
 * began in another browser or session, a provider error), is audited (DENIED, the cause
 * as detail) and logged as one line with the cause only.
 */
class OidcFailureHandler implements AuthenticationFailureHandler {

	private static final Logger log = LoggerFactory.getLogger(OidcFailureHandler.class);

	private final AuditPort audit;

	OidcFailureHandler(AuditPort audit) {
		this.audit = audit;
	}

	static String reason(AuthenticationException exception) {
		String code = exception instanceof OAuth2AuthenticationException o ? o.getError().getErrorCode() : "";
		return switch (code) {
			case OidcPersonMapper.UNKNOWN -> "roster";
			case OidcPersonMapper.UNVERIFIED -> "unverified";
			case OidcPersonMapper.INACTIVE -> "inactive";
			case OidcPersonMapper.ALREADY_LINKED -> "linked";
			case "access_denied", "login_required", "consent_required", "interaction_required" -> "cancelled";
			case "authorization_request_not_found", "client_registration_not_found" -> "state";
			default -> "provider";
		};
	}

	@Override
	public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
			AuthenticationException exception) throws IOException {
		String reason = reason(exception);
		audit.record(AuditEntry.system("SSO_REFUSED", "sso", null, "authentication")
			.outcome(AuditEntry.Outcome.DENIED)
			.detail(reason));
		log.warn("SSO_REFUSED reason={}", reason);
		response.sendRedirect(request.getContextPath() + "/login?error=sso-" + reason);
	}

}
