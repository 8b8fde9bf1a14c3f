package org.cpr.survey.internal;

import java.time.Clock;

import org.cpr.shared.DemoHistorySeeder;
import org.cpr.shared.BackdatingClock;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): after the other history seeders replayed
 * their past surveys (session evaluations and pre/post measures of the courses module,
 * ordered before this one), one run of the wave scheduler now releases the anonymous
 * answers their closed waves still hold, exactly as the next hourly run would. Without it
 * an evaluator who opens the demo in its first hour would see "not yet released" for
 * waves that closed months ago.
 */
@Component
@Order(180)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@DemoHistorySeeder
class DemoHistoryRelease implements ApplicationRunner {

	private final WaveScheduler scheduler;

	private final Clock clock;

	DemoHistoryRelease(WaveScheduler scheduler, Clock clock) {
		this.scheduler = scheduler;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		if (clock instanceof BackdatingClock) {
			scheduler.run();
		}
	}

}
