package org.cpr.identity;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.core.env.Environment;
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
			ObjectProvider<ClientRegistrationRepository> registrations, Environment environment) {
		// the configured names, read without contacting the provider (it may be down at
		// start-up)
		Set<String> ids = Binder.get(environment)
			.bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
			.map(p -> p.getRegistration().keySet())
			.orElse(Set.of());
		this.ssoPath = !sso ? null
				: ids.isEmpty() ? ssoPath(registration, registrations.getIfAvailable()) : ssoPath(registration, ids);
	}

	/**
	 * The sign-on link for the configured registration names: {@code wanted} when it is
	 * one of them, otherwise the only one; none when it cannot tell.
	 */
	static String ssoPath(String wanted, Set<String> ids) {
		if (wanted != null && !wanted.isBlank()) {
			return ids.contains(wanted) ? "/oauth2/authorization/" + wanted : null;
		}
		return ids.size() == 1 ? "/oauth2/authorization/" + ids.iterator().next() : null;
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
