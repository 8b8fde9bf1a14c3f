package org.cpr.identity.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Seeds the demo campus on first start of the demo profile (never in prod: the property
 * is only set by the demo profile). Idempotent: does nothing when the campus already
 * exists.
 */
@Component
@Order(0)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoCampusSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoCampusSeeder.class);

	private final OrgUnitRepository units;

	private final PersonRepository people;

	private final RoleGrantRepository grants;

	private final AccessTokens tokens;

	private final PasswordEncoder encoder;

	private final Clock clock;

	DemoCampusSeeder(OrgUnitRepository units, PersonRepository people, RoleGrantRepository grants, AccessTokens tokens,
			PasswordEncoder encoder, Clock clock) {
		this.units = units;
		this.people = people;
		this.grants = grants;
		this.tokens = tokens;
		this.encoder = encoder;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (units.findByCode("CAMPUS").isPresent()) {
			return;
		}
		Instant now = clock.instant();
		Map<String, UUID> ids = new HashMap<>();
		for (DemoCampus.Unit u : DemoCampus.UNITS) {
			UUID id = UUID.nameUUIDFromBytes(("org-unit:" + u.code()).getBytes());
			ids.put(u.code(), id);
			units.save(new OrgUnit(id, u.parent() == null ? null : ids.get(u.parent()), u.kind(), u.code(), u.name(),
					now));
		}
		// One hash for every demo account: Argon2id is deliberately slow, and the
		// password is shared anyway.
		String hash = encoder.encode(DemoCampus.DEMO_PASSWORD);
		for (DemoCampus.Login login : DemoCampus.LOGINS) {
			UUID program = login.program() == null ? null : ids.get(login.program());
			Person p = person(login.username(), login.displayName(), login.type(), login.level(), null, program, hash,
					now);
			grant(p.getId(), login.role(), ids.get(login.scope()), now);
			if (login.role() != Role.PARTICIPANT) {
				grant(p.getId(), Role.PARTICIPANT, ids.get("CAMPUS"), now);
			}
			tokens.store(p.getId(), "demo token", login.token(), Duration.ofDays(3650));
		}
		int n = 0;
		for (DemoCampus.Cohort cohort : DemoCampus.COHORTS) {
			for (int i = 0; i < cohort.count(); i++, n++) {
				String given = DemoCampus.GIVEN.get(n % DemoCampus.GIVEN.size());
				String family = DemoCampus.FAMILY.get((n * 7) % DemoCampus.FAMILY.size());
				String level = cohort.levels().isEmpty() ? null : cohort.levels().get(i % cohort.levels().size());
				String username = (given + "." + family + n).toLowerCase();
				Person p = person(username, given + " " + family, cohort.type(), level, ids.get(cohort.department()),
						cohort.program() == null ? null : ids.get(cohort.program()), hash, now);
				grant(p.getId(), Role.PARTICIPANT, ids.get("CAMPUS"), now);
				if (cohort.type() == TraineeType.FACULTY && i < 2) {
					grant(p.getId(), Role.GROUP_LEADER, ids.get("SOM"), now);
				}
			}
		}
		log.info("Demo campus seeded: {} org units, {} people", ids.size(), people.count());
	}

	private Person person(String username, String name, TraineeType type, String level, UUID department, UUID program,
			String hash, Instant now) {
		Person p = new Person(UUID.randomUUID(), username, username + "@demo.cpr.example", name, type, level,
				department, program, now);
		p.changePassword(hash);
		return people.save(p);
	}

	private void grant(UUID person, Role role, UUID scope, Instant now) {
		grants.save(new RoleGrantEntity(UUID.randomUUID(), person, role, scope, null, now));
	}

}
