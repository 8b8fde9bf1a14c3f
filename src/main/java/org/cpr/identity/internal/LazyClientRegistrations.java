package org.cpr.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientPropertiesMapper;
import org.springframework.security.oauth2.client.registration.ClientRegistration;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;

/**
 * The campus sign-on registrations, resolved when first used instead of at start-up.
 * Spring Boot's own repository reads each {@code issuer-uri}'s discovery document while
 * the application starts, so a provider that is down at that moment kept the whole
 * platform (password sign-in and the crisis page included) from starting. Here a
 * registration is built from the same {@code spring.security.oauth2.client.*} properties
 * (the same mapping), on its first use; while the provider cannot be reached it is absent
 * (the sign-on link leads back to the sign-in page with "campus sign-on is not
 * available") and is tried again after {@code retry}. A resolved registration is kept.
 * Registrations with explicit endpoints need no network and resolve at first use too. It
 * is deliberately not {@code Iterable}: Spring Security iterates an iterable repository
 * while it configures itself, which would contact the provider at start-up.
 */
class LazyClientRegistrations implements ClientRegistrationRepository {

	private static final Logger log = LoggerFactory.getLogger(LazyClientRegistrations.class);

	private final Map<String, OAuth2ClientProperties> pending = new ConcurrentHashMap<>();

	private final Map<String, ClientRegistration> resolved = new ConcurrentHashMap<>();

	private final Map<String, Instant> failedAt = new ConcurrentHashMap<>();

	private final Clock clock;

	private final Duration retry;

	LazyClientRegistrations(OAuth2ClientProperties properties, Clock clock, Duration retry) {
		this.clock = clock;
		this.retry = retry;
		properties.getRegistration().forEach((id, registration) -> {
			OAuth2ClientProperties one = new OAuth2ClientProperties();
			one.getRegistration().put(id, registration);
			String provider = registration.getProvider() == null ? id : registration.getProvider();
			if (properties.getProvider().containsKey(provider)) {
				one.getProvider().put(provider, properties.getProvider().get(provider));
			}
			one.validate();
			pending.put(id, one);
		});
	}

	/** The configured registration names (no provider is contacted). */
	Set<String> ids() {
		return Set.copyOf(pending.keySet());
	}

	@Override
	public ClientRegistration findByRegistrationId(String registrationId) {
		if (registrationId == null) {
			return null;
		}
		ClientRegistration known = resolved.get(registrationId);
		if (known != null) {
			return known;
		}
		OAuth2ClientProperties one = pending.get(registrationId);
		if (one == null) {
			return null;
		}
		synchronized (one) {
			known = resolved.get(registrationId);
			if (known != null) {
				return known;
			}
			Instant failed = failedAt.get(registrationId);
			Instant now = clock.instant();
			if (failed != null && now.isBefore(failed.plus(retry))) {
				return null;
			}
			try {
				ClientRegistration registration = new OAuth2ClientPropertiesMapper(one).asClientRegistrations()
					.get(registrationId);
				resolved.put(registrationId, Objects.requireNonNull(registration));
				failedAt.remove(registrationId);
				log.info("SSO_PROVIDER_RESOLVED registration={}", registrationId);
				return registration;
			}
			catch (RuntimeException unreachable) {
				failedAt.put(registrationId, now);
				log.warn("SSO_PROVIDER_UNAVAILABLE registration={} reason={}", registrationId,
						unreachable.getClass().getSimpleName());
				return null;
			}
		}
	}

}
