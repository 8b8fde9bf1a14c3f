package org.cpr.support;

import java.time.Instant;

import org.springframework.context.ApplicationContext;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.context.TestContext;
import org.springframework.test.context.TestExecutionListener;

/**
 * Puts the shared {@link MutableClock} back to a known instant before every test method,
 * so tests that move time pass in any order (Surefire's {@code runOrder}, a single
 * {@code -Dtest}, the IDE). Registered for every Spring test in
 * {@code META-INF/spring.factories}; does nothing in a context without a
 * {@link MutableClock}. It runs before JUnit's {@code @BeforeEach} methods, which may
 * still move the clock for their own setup.
 * <p>
 * With the clock put back, the sign-in attempts earlier tests recorded would all lie
 * inside the next test's throttle window (20 per client address per 5 minutes of the
 * clock), so the sign-ins of every test sharing the context would count against one
 * window: the 21st sign-in from 127.0.0.1, the address of MockMvc and of the browser
 * tests, was refused as "throttled" in whichever test reached it. The listener forgets
 * them with the clock, so each test's sign-ins are its own; the throttle tests count
 * within one test.
 */
public class MutableClockReset implements TestExecutionListener, Ordered {

	@Override
	public void beforeTestMethod(TestContext testContext) {
		if (!testContext.hasApplicationContext()) {
			return;
		}
		ApplicationContext context = testContext.getApplicationContext();
		context.getBeanProvider(MutableClock.class).ifAvailable(clock -> {
			clock.set(startOf(testContext));
			context.getBeanProvider(JdbcClient.class)
				.ifAvailable(jdbc -> jdbc.sql("DELETE FROM login_attempt").update());
		});
	}

	static Instant startOf(TestContext testContext) {
		ClockStartsAt at = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestMethod(), ClockStartsAt.class);
		if (at == null) {
			at = AnnotatedElementUtils.findMergedAnnotation(testContext.getTestClass(), ClockStartsAt.class);
		}
		return at == null ? MutableClock.START : Instant.parse(at.value());
	}

	@Override
	public int getOrder() {
		// Right after dependency injection (2000), before transactions and SQL scripts
		// run at the test's "now".
		return 2100;
	}

}
