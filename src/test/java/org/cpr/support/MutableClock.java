package org.cpr.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock tests move by hand: deadlines, escalations, expiries.
 *
 * <p>
 * Every Spring test method starts at {@link #START} (or at the instant its
 * {@link ClockStartsAt} names): {@link MutableClockReset} puts the clock back before each
 * test, so a test that moves time never leaks its "now" into the next class that shares
 * the context. Move it freely inside a test; never rely on where an earlier test left it.
 */
public final class MutableClock extends Clock {

	/**
	 * Where every test starts: the instant the shared context (and the demo campus) was
	 * created at.
	 */
	public static final Instant START = Instant.parse("2026-03-02T09:00:00Z");

	private volatile Instant now;

	public MutableClock(Instant start) {
		this.now = start;
	}

	public void advance(Duration by) {
		now = now.plus(by);
	}

	public void set(Instant instant) {
		now = instant;
	}

	/** Back to {@link #START}. */
	public void reset() {
		now = START;
	}

	@Override
	public ZoneId getZone() {
		return ZoneOffset.UTC;
	}

	@Override
	public Clock withZone(ZoneId zone) {
		return this;
	}

	@Override
	public Instant instant() {
		return now;
	}

}
