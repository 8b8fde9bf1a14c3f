package org.cpr.shared;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.function.Supplier;

/**
 * Demo history only ({@code cpr.demo.history=true}): the application clock, which a demo
 * history seeder may set back for its own thread while it replays a past year through the
 * product's own services. So the seeded year is stored exactly as the product stores what
 * happens (same services, same privacy rules), only at earlier instants. Other threads
 * (requests, scheduled jobs, event listeners) always read the system clock.
 */
public final class BackdatingClock extends Clock {

	private final Clock system;

	private final ThreadLocal<Instant> pinned = new ThreadLocal<>();

	public BackdatingClock(Clock system) {
		this.system = system;
	}

	@Override
	public Instant instant() {
		Instant at = pinned.get();
		return at != null ? at : system.instant();
	}

	@Override
	public ZoneId getZone() {
		return system.getZone();
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return new BackdatingClock(system.withZone(zone));
	}

	/** Runs {@code work} on this thread as if it were {@code when}. */
	public <T> T at(Instant when, Supplier<T> work) {
		Instant before = pinned.get();
		pinned.set(when);
		try {
			return work.get();
		}
		finally {
			if (before == null) {
				pinned.remove();
			}
			else {
				pinned.set(before);
			}
		}
	}

	/** Runs {@code work} on this thread as if it were {@code when}. */
	public void run(Instant when, Runnable work) {
		at(when, () -> {
			work.run();
			return null;
		});
	}

}
