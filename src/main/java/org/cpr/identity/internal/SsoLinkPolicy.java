package org.cpr.identity.internal;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@code cpr.oidc.link-policy}: {@code first-only} (default) links a person to one campus
 * sign-on account at most, so a second provider account, or an address reassigned to
 * someone else at the provider, cannot take over an already linked person by e-mail;
 * {@code several} allows more links per person (e.g. two providers).
 */
@Component
class SsoLinkPolicy {

	static final String FIRST_ONLY = "first-only";
	static final String SEVERAL = "several";

	private final String name;

	SsoLinkPolicy(@Value("${cpr.oidc.link-policy:first-only}") String name) {
		String n = name == null ? "" : name.strip().toLowerCase(java.util.Locale.ROOT);
		if (!n.equals(FIRST_ONLY) && !n.equals(SEVERAL)) {
			throw new IllegalStateException("cpr.oidc.link-policy must be first-only or several");
		}
		this.name = n;
	}

	String name() {
		return name;
	}

	boolean allowsSeveral() {
		return SEVERAL.equals(name);
	}

}
