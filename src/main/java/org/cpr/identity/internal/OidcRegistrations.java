package org.cpr.identity.internal;

import java.time.Clock;
import java.time.Duration;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.security.oauth2.client.autoconfigure.OAuth2ClientProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * With campus sign-on on, the registrations come from {@link LazyClientRegistrations}
 * (Spring Boot's eager repository backs off), so the platform starts while the provider
 * is down; {@code cpr.oidc.retry-after} (default 30 s) spaces the attempts to reach it.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(name = "cpr.oidc.enabled", havingValue = "true")
class OidcRegistrations {

	@Bean
	LazyClientRegistrations clientRegistrationRepository(Environment environment, Clock clock,
			@Value("${cpr.oidc.retry-after:PT30S}") Duration retry) {
		OAuth2ClientProperties properties = Binder.get(environment)
			.bind("spring.security.oauth2.client", OAuth2ClientProperties.class)
			.orElseGet(OAuth2ClientProperties::new);
		return new LazyClientRegistrations(properties, clock, retry);
	}

}
