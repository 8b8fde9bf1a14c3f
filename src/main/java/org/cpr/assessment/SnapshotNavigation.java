package org.cpr.assessment;

import java.util.Set;

import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
class SnapshotNavigation {

	@Bean
	NavigationItem snapshotLink() {
		return new NavigationItem(15, "/snapshot", "snapshot.nav", Set.of());
	}

	@Bean
	NavigationItem snapshotAggregateLink() {
		return new NavigationItem(16, "/snapshot/aggregate", "snapshot.nav.aggregate",
				Set.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR));
	}

}
