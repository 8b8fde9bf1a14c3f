package org.cpr.safety.internal;

import org.springframework.context.annotation.Configuration;
import org.springframework.resilience.annotation.EnableResilientMethods;

/**
 * Turns on the framework's {@code @Retryable} (and {@code @ConcurrencyLimit}) advice,
 * which {@link SafetyConcernListener} relies on. The switch is application-wide;
 * declaring it again elsewhere is harmless.
 */
@Configuration(proxyBeanMethods = false)
@EnableResilientMethods
class SafetyResilience {

}
