package org.cpr.identity.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;

/**
 * The CPU cost of one Argon2id check at each of OWASP's equivalent settings (m = 46 MiB ×
 * t = 1, 19 × 2, 12 × 3, 9 × 4, 7 × 5; p = 1), measured as the calling thread's CPU time,
 * which the other programs on a shared machine disturb far less than wall time. Settings
 * are taken in rotation, so a change in the machine's load touches all alike. Prints,
 * never asserts.
 *
 * <pre>
 * nice -n -10 java -cp target/test-classes:target/classes:$(cat target/cp.txt) org.cpr.identity.bench.Argon2Cost 30
 * </pre>
 */
public final class Argon2Cost {

	public static void main(String[] args) {
		int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 30;
		int[][] settings = { { 46 * 1024, 1 }, { 19 * 1024, 2 }, { 12 * 1024, 3 }, { 9 * 1024, 4 }, { 7 * 1024, 5 } };
		ThreadMXBean threads = ManagementFactory.getThreadMXBean();
		List<Argon2PasswordEncoder> encoders = new ArrayList<>();
		List<String> hashes = new ArrayList<>();
		List<List<Double>> cpu = new ArrayList<>();
		List<List<Double>> wall = new ArrayList<>();
		for (int[] s : settings) {
			Argon2PasswordEncoder e = new Argon2PasswordEncoder(16, 32, 1, s[0], s[1]);
			encoders.add(e);
			hashes.add(e.encode("bench-password-2026"));
			cpu.add(new ArrayList<>());
			wall.add(new ArrayList<>());
		}
		// warm-up: the JIT compiles the Blake2b and G functions
		for (int i = 0; i < 5; i++) {
			for (int k = 0; k < settings.length; k++) {
				encoders.get(k).matches("bench-password-2026", hashes.get(k));
			}
		}
		for (int i = 0; i < rounds; i++) {
			for (int k = 0; k < settings.length; k++) {
				long c = threads.getCurrentThreadCpuTime();
				long t = System.nanoTime();
				if (!encoders.get(k).matches("bench-password-2026", hashes.get(k))) {
					throw new IllegalStateException("no match");
				}
				wall.get(k).add((System.nanoTime() - t) / 1e6);
				cpu.get(k).add((threads.getCurrentThreadCpuTime() - c) / 1e6);
			}
		}
		System.out.printf("load average %.1f%n", ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
		for (int k = 0; k < settings.length; k++) {
			System.out.printf(
					"m = %2d MiB, t = %d: CPU per check median %.1f ms (p10 %.1f, p90 %.1f); wall median %.1f ms; "
							+ "→ %.0f checks/s on 2 idle cores%n",
					settings[k][0] / 1024, settings[k][1], pct(cpu.get(k), 50), pct(cpu.get(k), 10),
					pct(cpu.get(k), 90), pct(wall.get(k), 50), 2000 / pct(cpu.get(k), 50));
		}
	}

	static double pct(List<Double> values, int p) {
		List<Double> sorted = new ArrayList<>(values);
		Collections.sort(sorted);
		return sorted.get(Math.min(sorted.size() - 1, (int) Math.round(p / 100.0 * (sorted.size() - 1))));
	}

}
