package org.cpr.shared;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an {@code ApplicationRunner} that replays the demo's year of history
 * ({@code cpr.demo.history}). It is optional work: with
 * {@code cpr.demo.history-in-background=true} (the demo profile) these runners do not
 * hold back readiness; they run one after another, in their {@code @Order}, on one
 * background thread once the application is ready (platform's
 * {@code DemoHistoryInBackground}). Without it (tests, benchmarks) they run at start-up
 * like any runner.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface DemoHistorySeeder {

}
