package org.cpr.identity;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Opening a sign-in link shows a page with one button; only pressing it (a POST) spends
 * the link, so a mail scanner or a link preview fetching the address does not. Someone
 * already signed in as the link's holder goes straight to the target: no new session, no
 * password hash, the link kept. A used, expired or unknown link gets a page saying so
 * (410 Gone) with the way to sign in with a password.
 */
@Controller
class SignInLinkController {

	static final String VIEW = "identity/sign-in-link";

	private final SignInLinks links;

	SignInLinkController(SignInLinks links) {
		this.links = links;
	}

	@GetMapping("/login/link")
	String open(@RequestParam(name = "token", required = false) String token, Authentication authentication,
			Model model, HttpServletResponse response) {
		SignInLinks.State state = links.check(token);
		if (state.valid() && authentication != null && authentication.getPrincipal() instanceof CprUser user
				&& user.personId().equals(state.person())) {
			return "redirect:" + state.target();
		}
		return page(state, token, model, response);
	}

	@PostMapping("/login/link")
	String redeem(@RequestParam(name = "token", required = false) String token, HttpServletRequest request,
			HttpServletResponse response, Model model) {
		SignInLinks.State state = links.redeem(token, request, response);
		if (state.valid()) {
			return "redirect:" + state.target();
		}
		return page(state, null, model, response);
	}

	private String page(SignInLinks.State state, String token, Model model, HttpServletResponse response) {
		model.addAttribute("kind", state.kind().name());
		if (state.valid()) {
			model.addAttribute("token", token);
		}
		else {
			response.setStatus(HttpServletResponse.SC_GONE);
		}
		return VIEW;
	}

}
