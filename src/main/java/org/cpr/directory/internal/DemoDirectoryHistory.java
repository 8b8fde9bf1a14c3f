package org.cpr.directory.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;
import java.util.Random;

import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.BackdatingClock;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): the directory's entries were reviewed
 * over the past months (through the directory's own "mark reviewed", at earlier days), a
 * few more than six months ago, so the review-due list and its reminders have something
 * to show. Deterministic from {@code cpr.demo.history-seed}.
 */
@Component
@Order(150)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoDirectoryHistory implements ApplicationRunner {

	private final ServiceDirectory directory;

	private final IdentityManagement identity;

	private final Clock clock;

	private final long seed;

	DemoDirectoryHistory(ServiceDirectory directory, IdentityManagement identity, Clock clock,
			@Value("${cpr.demo.history-seed:2026}") long seed) {
		this.directory = directory;
		this.identity = identity;
		this.clock = clock;
		this.seed = seed;
	}

	@Override
	public void run(ApplicationArguments args) {
		var facilitator = identity.byUsername("facilitator");
		LocalDate today = LocalDate.now(clock);
		List<ServiceEntry> entries = directory.everything()
			.stream()
			.sorted(Comparator.comparing(ServiceEntry::name))
			.toList();
		// only a freshly seeded directory (every entry reviewed today) gets a history
		if (!(clock instanceof BackdatingClock past) || facilitator.isEmpty() || entries.isEmpty()
				|| entries.stream().anyMatch(e -> !today.equals(e.lastReviewed()))) {
			return;
		}
		Random random = new Random(seed * 31 + 9);
		for (int i = 0; i < entries.size(); i++) {
			// one in twelve overdue (7 to 9 months), the rest reviewed in the last five
			// months
			int daysAgo = i % 12 == 5 ? 210 + random.nextInt(60) : 7 + random.nextInt(150);
			var id = entries.get(i).id();
			past.run(today.minusDays(daysAgo).atTime(14, 0).toInstant(ZoneOffset.UTC),
					() -> directory.markReviewed(id, facilitator.get().id()));
		}
	}

}
