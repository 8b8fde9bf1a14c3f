package org.cpr.identity;

import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.web.authentication.logout.SecurityContextLogoutHandler;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.SavedRequest;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * TOTP enrolment (QR code, first code, recovery codes shown once) and the second-factor
 * check.
 */
@Controller
class MfaController {

	static final String ENROL_VIEW = "identity/mfa-enrol";
	static final String VERIFY_VIEW = "identity/mfa-verify";
	static final String CODES_VIEW = "identity/mfa-recovery-codes";
	static final int MAX_FAILURES = 10;

	private final MfaEnrolment enrolment;

	MfaController(MfaEnrolment enrolment) {
		this.enrolment = enrolment;
	}

	@GetMapping("/mfa/enrol")
	String enrolForm(@AuthenticationPrincipal CprUser me, HttpSession session, Model model) {
		if (enrolment.isEnrolled(me.personId()) && !MfaSession.passed(session, me.personId())) {
			return "redirect:/mfa/verify";
		}
		String secret = (String) session.getAttribute(MfaSession.PENDING_SECRET);
		if (secret == null) {
			secret = enrolment.newSecret();
			session.setAttribute(MfaSession.PENDING_SECRET, secret);
		}
		model.addAttribute("secret", secret);
		model.addAttribute("qr", enrolment.qrCode(secret, me.getUsername()));
		return ENROL_VIEW;
	}

	@PostMapping("/mfa/enrol")
	String enrol(@AuthenticationPrincipal CprUser me, @RequestParam(defaultValue = "") String code, HttpSession session,
			Model model) {
		String secret = (String) session.getAttribute(MfaSession.PENDING_SECRET);
		if (secret == null || (enrolment.isEnrolled(me.personId()) && !MfaSession.passed(session, me.personId()))) {
			return "redirect:/mfa/enrol";
		}
		List<String> codes = enrolment.confirm(me.personId(), secret, code);
		if (codes.isEmpty()) {
			model.addAttribute("secret", secret);
			model.addAttribute("qr", enrolment.qrCode(secret, me.getUsername()));
			model.addAttribute("codeError", true);
			return ENROL_VIEW;
		}
		session.removeAttribute(MfaSession.PENDING_SECRET);
		MfaSession.markPassed(session, me.personId());
		session.setAttribute(MfaSession.FRESH_RECOVERY_CODES, codes);
		return "redirect:/mfa/recovery-codes";
	}

	/** Shown once, right after enrolment; a reload shows nothing. */
	@GetMapping("/mfa/recovery-codes")
	String recoveryCodes(HttpSession session, Model model) {
		Object codes = session.getAttribute(MfaSession.FRESH_RECOVERY_CODES);
		session.removeAttribute(MfaSession.FRESH_RECOVERY_CODES);
		model.addAttribute("codes", codes == null ? List.of() : codes);
		return CODES_VIEW;
	}

	@GetMapping("/mfa/verify")
	String verifyForm(@AuthenticationPrincipal CprUser me) {
		return enrolment.isEnrolled(me.personId()) ? VERIFY_VIEW : "redirect:/mfa/enrol";
	}

	@PostMapping("/mfa/verify")
	String verify(@AuthenticationPrincipal CprUser me, @RequestParam(defaultValue = "") String code,
			HttpServletRequest request, HttpServletResponse response, Model model) {
		HttpSession session = request.getSession();
		MfaEnrolment.Check check = enrolment.check(me.personId(), code);
		if (check == MfaEnrolment.Check.PASSED) {
			MfaSession.markPassed(session, me.personId());
			SavedRequest saved = new HttpSessionRequestCache().getRequest(request, response);
			return "redirect:" + (saved == null ? "/home" : saved.getRedirectUrl());
		}
		if (check == MfaEnrolment.Check.LOCKED) {
			response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
			model.addAttribute("codeError", "mfa.verify.locked");
			return VERIFY_VIEW;
		}
		if (MfaSession.failed(session) >= MAX_FAILURES) {
			new SecurityContextLogoutHandler().logout(request, response, null);
			return "redirect:/login?error=locked";
		}
		response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
		model.addAttribute("codeError",
				check == MfaEnrolment.Check.REPLAYED ? "mfa.verify.replayed" : "mfa.code.wrong");
		return VERIFY_VIEW;
	}

}
