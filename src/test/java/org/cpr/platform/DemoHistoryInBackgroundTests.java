package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import org.cpr.shared.DemoHistorySeeder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.Banner;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;

/**
 * Readiness does not wait for the demo history (issue #16): with
 * {@code cpr.demo.history-in-background} the application is ready once the base seeding
 * ran; the history runners follow on their own thread, in their order, and a stop waits
 * for them. Without it they run at start-up as before.
 */
class DemoHistoryInBackgroundTests {

	static final List<String> ran = new CopyOnWriteArrayList<>();

	static volatile CountDownLatch release;

	@BeforeEach
	void reset() {
		ran.clear();
	}

	@Test
	void theApplicationIsReadyBeforeTheHistoryAndAStopWaitsForIt() throws Exception {
		release = new CountDownLatch(1);
		String starter = Thread.currentThread().getName();
		ConfigurableApplicationContext context = start("--cpr.demo.history-in-background=true");
		// run() returned: the application is ready (ApplicationReadyEvent) while the
		// history
		// has not run
		assertThat(ran).containsExactly("base@" + starter);
		// the history is let go only once close() waits for it (its bounded join), so the
		// assertion below cannot pass by the history having finished before the stop
		Thread closer = Thread.currentThread();
		Thread releaser = new Thread(() -> {
			await("close() waits for the history").atMost(Duration.ofSeconds(30))
				.pollInterval(Duration.ofMillis(10))
				.until(() -> closer.getState() == Thread.State.TIMED_WAITING);
			release.countDown();
		});
		releaser.start();
		context.close();
		assertThat(ran).containsExactly("base@" + starter, "first@demo-history", "later@demo-history");
	}

	@Test
	void withoutTheSettingTheHistoryRunsAtStartUp() {
		release = new CountDownLatch(0);
		String starter = Thread.currentThread().getName();
		try (ConfigurableApplicationContext context = start()) {
			assertThat(ran).containsExactly("base@" + starter, "first@" + starter, "later@" + starter);
		}
	}

	static ConfigurableApplicationContext start(String... args) {
		return new SpringApplicationBuilder(App.class).web(WebApplicationType.NONE)
			.bannerMode(Banner.Mode.OFF)
			.logStartupInfo(false)
			.run(args);
	}

	static void record(String name) {
		ran.add(name + "@" + Thread.currentThread().getName());
	}

	@Configuration(proxyBeanMethods = false)
	static class App {

		@Bean
		static DemoHistoryInBackground demoHistoryInBackground(Environment env) {
			return new DemoHistoryInBackground(env.getProperty("cpr.demo.history-in-background", Boolean.class, false));
		}

		@Bean
		Later later() {
			return new Later();
		}

		@Bean
		First first() {
			return new First();
		}

		@Bean
		Base base() {
			return new Base();
		}

	}

	@Order(20)
	static class Base implements ApplicationRunner {

		@Override
		public void run(ApplicationArguments args) {
			record("base");
		}

	}

	@DemoHistorySeeder
	@Order(110)
	static class First implements ApplicationRunner {

		@Override
		public void run(ApplicationArguments args) throws InterruptedException {
			assertThat(release.await(30, TimeUnit.SECONDS)).isTrue();
			record("first");
		}

	}

	@DemoHistorySeeder
	@Order(120)
	static class Later implements ApplicationRunner {

		@Override
		public void run(ApplicationArguments args) {
			record("later");
		}

	}

}
