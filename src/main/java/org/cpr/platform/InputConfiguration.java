package org.cpr.platform;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/** Request-wide input rules that no single form or endpoint should have to remember. */
@Configuration(proxyBeanMethods = false)
class InputConfiguration {

	/**
	 * Right after the proxy headers are resolved, before Spring Security and every
	 * controller.
	 */
	@Bean
	FilterRegistrationBean<ControlCharacterFilter> controlCharacters() {
		FilterRegistrationBean<ControlCharacterFilter> registration = new FilterRegistrationBean<>(
				new ControlCharacterFilter());
		registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
		registration.addUrlPatterns("/*");
		return registration;
	}

}
