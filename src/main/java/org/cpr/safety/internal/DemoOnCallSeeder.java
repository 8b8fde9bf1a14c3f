package org.cpr.safety.internal;

import java.util.List;

import org.cpr.identity.IdentityManagement;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo mode only: puts the demo resilience clinician on the on-call rota, so tier-1
 * alerts of the demo campus are assigned and e-mailed instead of waiting unassigned.
 * Leaves a rota alone once one exists (an institution's own, or one set in a test).
 */
@Component
@Order(5)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoOnCallSeeder implements ApplicationRunner {

	static final String DEMO_CLINICIAN = "clinician";

	private final OnCallRota rota;

	private final IdentityManagement identity;

	private final boolean enabled;

	/**
	 * {@code cpr.demo.oncall-rota=false} keeps the demo people but no rota (the tests,
	 * which set their own).
	 */
	DemoOnCallSeeder(OnCallRota rota, IdentityManagement identity,
			@org.springframework.beans.factory.annotation.Value("${cpr.demo.oncall-rota:true}") boolean enabled) {
		this.rota = rota;
		this.identity = identity;
		this.enabled = enabled;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (enabled) {
			seed();
		}
	}

	/** Returns true when it put someone on the rota. */
	boolean seed() {
		if (!rota.ladder().isEmpty()) {
			return false;
		}
		return identity.byUsername(DEMO_CLINICIAN).map(clinician -> {
			rota.replace(List.of(clinician.id().value()));
			return true;
		}).orElse(false);
	}

}
