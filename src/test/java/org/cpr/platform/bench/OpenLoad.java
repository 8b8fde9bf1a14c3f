package org.cpr.platform.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;

/**
 * Open-model load for the HTTP load generators (issue #16). Journeys (a snapshot, a
 * sign-in, a survey submission) arrive at a fixed rate, Poisson or evenly spaced from a
 * seed, whatever the server's pace; inside a journey the participant thinks between
 * steps. Every request's latency is counted from the moment it was <em>due</em> (its
 * journey's arrival, the end of a think time, or the answer it follows as a browser
 * follows a redirect), not from when it was sent: a server that falls behind cannot hide
 * its queue (no coordinated omission). Each journey runs on a virtual thread of its own,
 * so the generator never waits for the server before starting the next. A step ramp
 * raises the rate until the p95 of a request kind passes the bound (or more than 1 % of
 * the journeys fail), and prints per step: offered and achieved rate, p50/p95/p99 per
 * request kind, the process CPU per journey (server and generator share the JVM), the
 * server's request threads' CPU per journey, and the load average.
 *
 * <pre>
 * -Dbench.rate=10/s      first (or only) offered rate, journeys per second
 * -Dbench.ramp=10/s      added at each step; 0 = one step only       (default 0)
 * -Dbench.max=400/s      highest rate tried                          (default 400/s)
 * -Dbench.step=20s       arrivals per step; then the step drains     (default 20s)
 * -Dbench.warmup=30s     at the first rate, not reported             (default 30s)
 * -Dbench.think=2s       mean think time; each drawn uniformly from half to 1.5 times (default 2s)
 * -Dbench.arrivals=even  evenly spaced instead of Poisson           (default poisson)
 * -Dbench.seed=1         arrivals and think times                    (default 1)
 * -Dbench.slo=200        p95 in ms that ends the ramp                (default 200; so do failures > 1 %)
 * </pre>
 */
public final class OpenLoad {

	/** One arrival: the requests of one participant's journey. */
	@FunctionalInterface
	public interface Journey {

		void run(long index, Steps steps) throws Exception;

	}

	/** Times the requests of one journey from the moment each was due. */
	public static final class Steps {

		private final Stats stats;

		private final SplittableRandom random;

		private long due;

		private long thought;

		Steps(Stats stats, long due, SplittableRandom random) {
			this.stats = stats;
			this.due = due;
			this.random = random;
		}

		/**
		 * Sends a request that is due now (the journey's arrival, the end of the think
		 * time, or the previous answer) and records its latency from then under
		 * {@code kind}.
		 */
		public <T> T request(String kind, Callable<T> call) throws Exception {
			T answer = call.call();
			long end = System.nanoTime();
			this.stats.latencies.computeIfAbsent(kind, k -> new ConcurrentLinkedQueue<>()).add(end - this.due);
			this.due = end;
			return answer;
		}

		/** The participant reads the page: the next request is due after a think time. */
		public void think() {
			long think = (long) (THINK_NANOS * (0.5 + this.random.nextDouble()));
			this.due += think;
			this.thought += think;
			sleepUntil(this.due);
		}

		/**
		 * Counts an event worth reporting beside the step (e.g. a wait for a session).
		 */
		public void count(String what) {
			this.stats.counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
		}

	}

	static final class Stats {

		final Map<String, Queue<Long>> latencies = new ConcurrentHashMap<>();

		final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();

		final Queue<Long> ends = new ConcurrentLinkedQueue<>();

		final AtomicInteger failures = new AtomicInteger();

	}

	static final long THINK_NANOS = nanos(System.getProperty("bench.think", "2s"));

	/** Whether {@code -Dbench.rate} asks for the open model. */
	public static boolean requested() {
		return System.getProperty("bench.rate") != null;
	}

	/** Runs the warm-up, then the step ramp, printing each step and a summary table. */
	public static void ramp(String label, String journeyName, List<String> kinds, Journey journey) throws Exception {
		double rate = rate(System.getProperty("bench.rate", "10/s"));
		double ramp = rate(System.getProperty("bench.ramp", "0"));
		double max = rate(System.getProperty("bench.max", "400/s"));
		double seconds = nanos(System.getProperty("bench.step", "20s")) / 1e9;
		double warmup = nanos(System.getProperty("bench.warmup", "30s")) / 1e9;
		double slo = Double.parseDouble(System.getProperty("bench.slo", "200"));
		long seed = Long.getLong("bench.seed", 1);
		boolean even = "even".equals(System.getProperty("bench.arrivals"));
		System.out.printf(
				"%s, open model: %s arrivals from %.1f/s%s, %.0f s per step, think time %.1f s mean, seed %d, ramp ends when a p95 passes %.0f ms%n",
				label, even ? "evenly spaced" : "Poisson", rate, ramp > 0 ? " by +" + ramp + "/s" : "", seconds,
				THINK_NANOS / 1e9, seed, slo);
		AtomicLong index = new AtomicLong();
		if (warmup > 0) {
			step(label + ", warm-up", journey, journeyName, kinds, rate, warmup, even, seed - 1, index);
		}
		List<String> table = new ArrayList<>();
		for (int n = 0; rate <= max + 1e-9; n++, rate += ramp) {
			Result result = step(label + ", step " + (n + 1), journey, journeyName, kinds, rate, seconds, even,
					seed + n, index);
			table.add(result.row);
			if (ramp <= 0 || result.worstP95 > slo || result.failures > 0.01 * result.journeys) {
				break;
			}
		}
		System.out.println(label + ", open model, summary (p50 / p95 / p99 in ms):");
		System.out.println("| offered | achieved | " + String.join(" | ", kinds) + " | CPU per " + journeyName
				+ ": process / request threads | failures | load average |");
		table.forEach(System.out::println);
	}

	record Result(String row, double worstP95, double achieved, int journeys, int failures) {
	}

	static Result step(String label, Journey journey, String journeyName, List<String> kinds, double rate,
			double seconds, boolean even, long seed, AtomicLong index) throws Exception {
		Stats stats = new Stats();
		SplittableRandom arrivals = new SplittableRandom(seed);
		var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
		double loadBefore = os.getSystemLoadAverage();
		long cpu = os.getProcessCpuTime();
		Map<String, Long> threadsBefore = threadCpu();
		long start = System.nanoTime();
		long end = start + (long) (seconds * 1e9);
		int journeys = 0;
		try (ExecutorService executor = Executors.newVirtualThreadPerTaskExecutor()) {
			long due = start;
			while (true) {
				double gap = even ? 1 / rate : -Math.log(1 - arrivals.nextDouble()) / rate;
				due += (long) (gap * 1e9);
				if (due >= end) {
					break;
				}
				sleepUntil(due);
				long arrival = due;
				long k = index.getAndIncrement();
				SplittableRandom think = new SplittableRandom(seed * 1_000_003L + k);
				journeys++;
				executor.execute(() -> {
					try {
						Steps steps = new Steps(stats, arrival, think);
						journey.run(k, steps);
						stats.ends.add(System.nanoTime() - steps.thought);
					}
					catch (Exception ex) {
						if (stats.failures.incrementAndGet() <= 3) {
							System.out.println("  " + label + ": " + ex);
						}
					}
				});
			}
		} // waits for every journey of the step: the step drains before the next
		double cpuPerJourney = (os.getProcessCpuTime() - cpu) / 1e6 / Math.max(1, stats.ends.size());
		Map<String, Double> perJourney = new HashMap<>();
		threadCpu().forEach((group, nanos) -> perJourney.put(group,
				(nanos - threadsBefore.getOrDefault(group, 0L)) / 1e6 / Math.max(1, stats.ends.size())));
		double requestCpuPerJourney = perJourney.entrySet()
			.stream()
			.filter(e -> e.getKey().startsWith("http-nio-") && e.getKey().contains("-exec-"))
			.mapToDouble(Map.Entry::getValue)
			.sum();
		double javaThreads = perJourney.values().stream().mapToDouble(Double::doubleValue).sum();
		double loadAfter = os.getSystemLoadAverage();
		// achieved: completed journeys over the time from the first completion to the
		// last,
		// each completion moved back by its journey's think time (so the span is the
		// arrivals' span plus the spread of the server's answers: a server that falls
		// behind stretches it)
		List<Long> ends = new ArrayList<>(stats.ends);
		Collections.sort(ends);
		double achieved = ends.size() < 2 ? Double.NaN : (ends.size() - 1) / ((ends.getLast() - ends.getFirst()) / 1e9);
		System.out.printf("%s: offered %.1f/s, achieved %.1f/s, %d %ss, %d failed%s%n", label, rate, achieved, journeys,
				journeyName, stats.failures.get(), stats.counts.isEmpty() ? "" : ", " + stats.counts);
		StringBuilder row = new StringBuilder(String.format("| %.0f/s | %.1f/s |", rate, achieved));
		double worst = 0;
		for (String kind : kinds) {
			List<Long> sorted = new ArrayList<>(stats.latencies.getOrDefault(kind, new ConcurrentLinkedQueue<>()));
			Collections.sort(sorted);
			double p95 = pct(sorted, 95);
			worst = Math.max(worst, Double.isNaN(p95) ? 0 : p95);
			System.out.printf("  %-28s n=%d p50=%.1f ms p95=%.1f ms p99=%.1f ms%n", kind, sorted.size(),
					pct(sorted, 50), p95, pct(sorted, 99));
			row.append(String.format(" %.0f / %.0f / %.0f |", pct(sorted, 50), p95, pct(sorted, 99)));
		}
		System.out.printf(
				"  CPU %.1f ms per %s (process), %.1f ms (server request threads); load average %.1f → %.1f%n",
				cpuPerJourney, journeyName, requestCpuPerJourney, loadBefore, loadAfter);
		StringBuilder others = new StringBuilder();
		perJourney.entrySet()
			.stream()
			.filter(e -> e.getValue() >= 0.5 && !e.getKey().contains("-exec-"))
			.sorted(Map.Entry.<String, Double>comparingByValue().reversed())
			.forEach(e -> others.append(String.format(", %s %.1f", e.getKey(), e.getValue())));
		System.out.printf("  CPU per %s by thread (ms): not Java threads (JIT, GC) %.1f%s%n", journeyName,
				cpuPerJourney - javaThreads, others);
		row.append(String.format(" %.1f / %.1f ms | %d | %.1f → %.1f |", cpuPerJourney, requestCpuPerJourney,
				stats.failures.get(), loadBefore, loadAfter));
		return new Result(row.toString(), worst, achieved, journeys, stats.failures.get());
	}

	/**
	 * CPU time so far of the JVM's live platform threads by group (the name with its
	 * numbers left out: Tomcat's {@code http-nio-…-exec-#} are the server's request
	 * threads; the journeys' virtual threads run on {@code ForkJoinPool-#-worker-#}); JIT
	 * compiler and GC threads are not among them.
	 */
	static Map<String, Long> threadCpu() {
		ThreadMXBean mx = ManagementFactory.getThreadMXBean();
		Map<String, Long> sum = new HashMap<>();
		for (ThreadInfo info : mx.getThreadInfo(mx.getAllThreadIds())) {
			if (info != null) {
				sum.merge(info.getThreadName().replaceAll("\\d+", "#"),
						Math.max(0, mx.getThreadCpuTime(info.getThreadId())), Long::sum);
			}
		}
		return sum;
	}

	static void sleepUntil(long due) {
		for (long wait = due - System.nanoTime(); wait > 0; wait = due - System.nanoTime()) {
			LockSupport.parkNanos(wait);
		}
	}

	static double pct(List<Long> sorted, int p) {
		return sorted.isEmpty() ? Double.NaN
				: sorted.get(Math.max(0, (int) Math.ceil(p / 100.0 * sorted.size()) - 1)) / 1e6;
	}

	/** "20/s", "20" → 20.0 */
	static double rate(String text) {
		return Double.parseDouble(text.strip().replace("/s", ""));
	}

	/** "2s", "500ms", "2" (seconds) → nanoseconds */
	static long nanos(String text) {
		String t = text.strip();
		if (t.endsWith("ms")) {
			return (long) (Double.parseDouble(t.substring(0, t.length() - 2)) * 1e6);
		}
		return (long) (Double.parseDouble(t.replace("s", "")) * 1e9);
	}

	private OpenLoad() {
	}

}
