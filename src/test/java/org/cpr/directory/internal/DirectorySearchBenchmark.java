package org.cpr.directory.internal;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.cpr.directory.AccessMode;
import org.cpr.directory.Confidentiality;
import org.cpr.directory.CostLevel;
import org.cpr.directory.ProviderKind;
import org.cpr.directory.ServiceCategory;
import org.cpr.directory.ServiceEntry;
import org.cpr.directory.ServiceQuery;
import org.cpr.identity.TraineeType;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * Directory search over 5,000 generated entries: typo-tolerant free text with and without
 * filters. Run: see docs/benchmarks.md (not part of the test suite; it measures, it does
 * not pass or fail).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class DirectorySearchBenchmark {

	static final String[] WORDS = { "counseling", "therapy", "sleep", "childcare", "peer", "support", "crisis", "line",
			"resident", "nurse", "wellness", "coaching", "finance", "legal", "spiritual", "chaplain", "yoga", "group",
			"night", "recovery", "mindfulness", "clinic", "psychiatry", "burnout", "family", "grief", "mentor",
			"retreat", "course" };

	SearchIndex index;

	final Random random = new Random(42);

	final List<ServiceQuery> queries = new ArrayList<>();

	int next;

	@Setup
	public void setUp() {
		ResourceBundleMessageSource messages = new ResourceBundleMessageSource();
		messages.setBasenames("i18n/directory");
		messages.setDefaultEncoding("UTF-8");
		List<ServiceEntry> entries = new ArrayList<>();
		for (int i = 0; i < 5_000; i++) {
			String name = WORDS[random.nextInt(WORDS.length)] + " " + WORDS[random.nextInt(WORDS.length)] + " service "
					+ i;
			String description = String.join(" ", WORDS[random.nextInt(WORDS.length)],
					WORDS[random.nextInt(WORDS.length)], "for", WORDS[random.nextInt(WORDS.length)], "and",
					WORDS[random.nextInt(WORDS.length)], "number " + i);
			entries.add(new ServiceEntry(UUID.randomUUID(), name, ProviderKind.CAMPUS, "Provider " + (i % 97),
					ServiceCategory.values()[i % ServiceCategory.values().length],
					EnumSet.of(TraineeType.values()[i % TraineeType.values().length], TraineeType.RESIDENT),
					Confidentiality.values()[i % 3], Set.of(), null, CostLevel.values()[i % 4], null, i % 3 == 0, null,
					EnumSet.of(AccessMode.SELF_REFERRAL), i % 2 == 0, null, null, null, null, Set.of("en"), description,
					LocalDate.of(2026, 1, 1), false, null, Set.of()));
		}
		index = SearchIndexHolder.over(entries, messages);
		String[] typed = { "cousneling", "counselling", "sleep", "chidcare backup", "peer suport", "crisis",
				"mindfulnes", "grief group", "psychiatry clinic", "yoga" };
		for (String q : typed) {
			queries.add(new ServiceQuery(q, null, null, null, false, false, false));
			queries
				.add(new ServiceQuery(q, TraineeType.RESIDENT, null, Confidentiality.CONFIDENTIAL, false, true, false));
		}
		queries.add(new ServiceQuery(null, TraineeType.RESIDENT, ServiceCategory.COUNSELING, null, true, true, false));
	}

	@Benchmark
	public int search() {
		ServiceQuery q = queries.get(next++ % queries.size());
		return index.search(q).size();
	}

}
