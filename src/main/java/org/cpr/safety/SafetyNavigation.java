package org.cpr.safety;

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

	/** The anonymous check-in does not use the sign-in; the link is there to be found. */
	@Bean
	NavigationItem checkinLink() {
		return new NavigationItem(61, "/checkin", "checkin.nav", Set.of(Role.PARTICIPANT));
	}

}
