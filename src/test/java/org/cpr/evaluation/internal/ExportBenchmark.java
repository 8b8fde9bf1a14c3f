package org.cpr.evaluation.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.cpr.evaluation.ExportElement;
import org.cpr.evaluation.OutcomeMeasures.Measurement;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;

/**
 * Load generator for the research export: streams 1,000,000+ scores (30,000 people × 34)
 * through the real {@link ExportWriter} (HMAC study ids, date shift, CSV) into a counting
 * sink, and reports rows per second and the peak heap. Run with {@code -Xmx300m} to show
 * it fits; it measures, it does not pass or fail. The database cursor is not part of this
 * run (see docs/benchmarks.md).
 */
public final class ExportBenchmark {

	public static void main(String[] args) throws IOException {
		int people = args.length > 0 ? Integer.parseInt(args[0]) : 30_000;
		int perPerson = args.length > 1 ? Integer.parseInt(args[1]) : 34;
		KeyedHash hash = hmac();
		Map<PersonId, String> types = new HashMap<>();
		PersonId[] ids = new PersonId[people];
		for (int i = 0; i < people; i++) {
			ids[i] = new PersonId(new UUID(0x5eedL, i));
			types.put(ids[i], i % 3 == 0 ? "resident" : "nurse");
		}
		ExportWriter writer = ExportWriter.forBenchmark(hash, new UUID(1, 2), EnumSet.of(ExportElement.SNAPSHOT_DATE,
				ExportElement.TRAINEE_TYPE, ExportElement.WHO5, ExportElement.BRS), types);
		for (int round = 0; round < 2; round++) { // the first round warms the JIT
			System.gc();
			ManagementFactory.getMemoryPoolMXBeans().forEach(MemoryPoolMXBean::resetPeakUsage);
			CountingSink sink = new CountingSink();
			long start = System.nanoTime();
			long rows = writer.write(each -> {
				LocalDate day = LocalDate.of(2025, 7, 1);
				for (PersonId p : ids) {
					for (int k = 0; k < perPerson; k++) {
						each.accept(new Measurement(p, k % 2 == 0 ? "who-5" : "brs", day.plusDays(k * 10L),
								40 + (k * 7 + p.hashCode()) % 60));
					}
				}
			}, sink);
			double seconds = (System.nanoTime() - start) / 1e9;
			long peak = ManagementFactory.getMemoryPoolMXBeans()
				.stream()
				.filter(b -> b.getType() == MemoryType.HEAP)
				.mapToLong(b -> b.getPeakUsage().getUsed())
				.sum();
			System.out.printf(
					"round %d: %,d rows, %,d bytes of CSV in %.2f s = %,.0f rows/s; peak heap %,d MB (max %,d MB)%n",
					round, rows, sink.bytes, seconds, rows / seconds, peak >> 20,
					Runtime.getRuntime().maxMemory() >> 20);
		}
	}

	private static KeyedHash hmac() {
		SecretKeySpec key = new SecretKeySpec("benchmark-key-not-secret-0123456".getBytes(StandardCharsets.UTF_8),
				"HmacSHA256");
		ThreadLocal<Mac> mac = ThreadLocal.withInitial(() -> {
			try {
				Mac m = Mac.getInstance("HmacSHA256");
				m.init(key);
				return m;
			}
			catch (Exception e) {
				throw new IllegalStateException(e);
			}
		});
		return (purpose, value) -> HexFormat.of()
			.formatHex(mac.get().doFinal((purpose + "\0" + value).getBytes(StandardCharsets.UTF_8)));
	}

	private static final class CountingSink extends OutputStream {

		long bytes;

		@Override
		public void write(int b) {
			bytes++;
		}

		@Override
		public void write(byte[] b, int off, int len) {
			bytes += len;
		}

	}

}
