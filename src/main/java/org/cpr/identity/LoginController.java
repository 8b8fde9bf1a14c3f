package org.cpr.identity;

import java.util.ArrayList;
import java.util.List;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class LoginController {

	static final String LOGIN_VIEW = "identity/login";

	private final String ssoPath;

	LoginController(@Value("${cpr.oidc.enabled:false}") boolean sso,
			@Value("${cpr.oidc.registration-id:}") String registration,
			ObjectProvider<ClientRegistrationRepository> registrations) {
		this.ssoPath = sso ? ssoPath(registration, registrations.getIfAvailable()) : null;
	}

	/**
	 * The sign-on link names a registration that exists: cpr.oidc.registration-id when
	 * set (and configured), otherwise the only registration, whatever it is called; none
	 * (no link) when it cannot tell.
	 */
	static String ssoPath(String wanted, ClientRegistrationRepository registrations) {
		if (registrations == null) {
			return null;
		}
		if (wanted != null && !wanted.isBlank()) {
			return registrations.findByRegistrationId(wanted) == null ? null : "/oauth2/authorization/" + wanted;
		}
		List<String> ids = new ArrayList<>();
		if (registrations instanceof Iterable<?> all) {
			all.forEach(r -> ids.add(((ClientRegistration) r).getRegistrationId()));
		}
		return ids.size() == 1 ? "/oauth2/authorization/" + ids.get(0) : null;
	}

	@GetMapping("/login")
	String login(Model model) {
		model.addAttribute("ssoPath", ssoPath);
		return LOGIN_VIEW;
	}

}
