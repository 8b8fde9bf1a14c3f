package org.cpr.platform;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.cpr.shared.DemoHistorySeeder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.aop.support.AopUtils;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.core.annotation.OrderUtils;

/**
 * Readiness does not wait for optional work (issue #16): with
 * {@code cpr.demo.history-in-background=true} each {@link DemoHistorySeeder} runner is
 * replaced by a stand-in that only queues it; once the application is ready (the base
 * demo campus is seeded, {@code /actuator/health/readiness} answers UP), one thread runs
 * the queued runners in their order, as start-up did before. A shutdown waits for that
 * thread (bounded), so a stop during seeding does not leave half a year behind. Off (the
 * default; tests and benchmarks), nothing changes: the runners run at start-up.
 */
class DemoHistoryInBackground implements BeanPostProcessor, ApplicationListener<ApplicationEvent> {

	private static final Logger log = LoggerFactory.getLogger(DemoHistoryInBackground.class);

	static final Duration SHUTDOWN_WAIT = Duration.ofMinutes(2);

	private final boolean background;

	private final List<Queued> queued = new CopyOnWriteArrayList<>();

	private volatile Thread worker;

	DemoHistoryInBackground(boolean background) {
		this.background = background;
	}

	@Override
	public Object postProcessAfterInitialization(Object bean, String beanName) {
		if (!this.background || !(bean instanceof ApplicationRunner runner)) {
			return bean;
		}
		Class<?> type = AopUtils.getTargetClass(bean);
		if (!AnnotatedElementUtils.hasAnnotation(type, DemoHistorySeeder.class)) {
			return bean;
		}
		return new Queued(runner, beanName, OrderUtils.getOrder(type, Ordered.LOWEST_PRECEDENCE));
	}

	@Override
	public void onApplicationEvent(ApplicationEvent event) {
		if (event instanceof ApplicationReadyEvent ready && this.worker == null) {
			List<Queued> work = List.copyOf(this.queued);
			if (!work.isEmpty()) {
				Thread thread = new Thread(() -> runAll(work), "demo-history");
				thread.setDaemon(true);
				this.worker = thread;
				thread.start();
			}
		}
		else if (event instanceof ContextClosedEvent) {
			awaitSeeding();
		}
	}

	private void runAll(List<Queued> work) {
		long start = System.nanoTime();
		for (Queued q : work) {
			try {
				q.runner.run(q.args);
			}
			catch (Exception | LinkageError ex) {
				// the demo stays usable without the rest of its history; a later start
				// does not
				// repeat what was seeded (every runner skips a database that has its
				// data)
				log.error("Demo history: {} failed; the remaining history runners were skipped", q.name, ex);
				return;
			}
		}
		log.info("Demo history seeded in the background after readiness ({} runners, {} ms)", work.size(),
				(System.nanoTime() - start) / 1_000_000);
	}

	/** Blocks until the background seeding finished (or a bounded time passed). */
	void awaitSeeding() {
		Thread thread = this.worker;
		if (thread == null || !thread.isAlive() || thread == Thread.currentThread()) {
			return;
		}
		log.info("Waiting for the demo history seeding to finish before shutting down");
		try {
			thread.join(SHUTDOWN_WAIT.toMillis());
		}
		catch (InterruptedException ex) {
			Thread.currentThread().interrupt();
		}
	}

	/** Stands in for a history runner at start-up: remembers it and its arguments. */
	final class Queued implements ApplicationRunner, Ordered {

		private final ApplicationRunner runner;

		private final String name;

		private final int order;

		private volatile ApplicationArguments args;

		Queued(ApplicationRunner runner, String name, int order) {
			this.runner = runner;
			this.name = name;
			this.order = order;
		}

		@Override
		public void run(ApplicationArguments args) {
			this.args = args;
			DemoHistoryInBackground.this.queued.add(this);
		}

		@Override
		public int getOrder() {
			return this.order;
		}

	}

}
