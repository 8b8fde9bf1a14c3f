package org.cpr.identity.internal;

import static org.mockito.Mockito.mock;

import java.time.Clock;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.servlet.LocaleResolver;

/**
 * The application's own two filter chains (API and web: role rules, CSRF, headers, MFA
 * gate, login throttle) for a web slice ({@link org.cpr.support.WebSlice}). Only what the
 * chains reach into the database for is stood in for: the token lookup and the sign-in
 * handlers' person repository, which no slice test signs in through.
 */
@TestConfiguration(proxyBeanMethods = false)
@Import({ SecurityConfiguration.class, ApiProblemEntryPoint.class })
public class ProductionSecurity {

	@Bean
	ApiTokenAuthenticator apiTokenAuthenticator() {
		return mock(ApiTokenAuthenticator.class);
	}

	@Bean
	LoginFailureHandler loginFailureHandler(Clock clock) {
		return new LoginFailureHandler(mock(PersonRepository.class), clock, mock(TransactionTemplate.class));
	}

	@Bean
	LoginSuccessHandler loginSuccessHandler(Clock clock, LocaleResolver locales) {
		return new LoginSuccessHandler(mock(PersonRepository.class), mock(TransactionTemplate.class), clock, locales);
	}

}
