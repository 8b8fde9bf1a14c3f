package org.cpr.safety.web;

import java.util.Set;

import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SafetyNavigation {

    @Bean
    NavigationItem safetyInboxLink() {
        return new NavigationItem(60, "/clinician/alerts", "safety.nav.inbox", Set.of(Role.RESILIENCE_CLINICIAN));
    }
}
