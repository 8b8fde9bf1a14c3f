package org.cpr.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Import into a Spring test to control time through a {@link MutableClock}. */
@TestConfiguration(proxyBeanMethods = false)
public class MutableClockConfiguration {

	@Bean
	@Primary
	public MutableClock mutableClock() {
		return new MutableClock(MutableClock.START);
	}

}
