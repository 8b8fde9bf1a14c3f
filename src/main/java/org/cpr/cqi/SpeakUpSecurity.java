package org.cpr.cqi;

import org.cpr.shared.AnonymousChannelSecurity;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The anonymous speak-up channel never reads the sign-in session (I-10): its own filter
 * chain is stateless, keeps the security context in the request only, and keeps its CSRF
 * token in a cookie scoped to {@code /speak-up}, so a signed-in browser's session cookie
 * is never looked up (see {@link AnonymousChannelSecurity}).
 */
@Configuration(proxyBeanMethods = false)
class SpeakUpSecurity {

	@Bean
	@Order(0)
	SecurityFilterChain speakUpChain(HttpSecurity http) throws Exception {
		return AnonymousChannelSecurity.chain(http, "/speak-up", "CPRSPEAKUP-XSRF");
	}

}
