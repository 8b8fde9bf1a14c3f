package org.cpr.groups.bench;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import org.cpr.groups.GroupFormation;
import org.cpr.shared.PersonId;
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
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.OptionsBuilder;

/**
 * Measures (never gates) the formation helper on a cohort of 200 (8 programs, 5 levels)
 * into groups of 10–15 with 28 leaders, 10% of people having a program director or
 * evaluator among the leaders. Run:
 * {@code java -cp target/test-classes:target/classes:<test classpath> org.cpr.groups.bench.FormationBenchmark}.
 * Results: docs/benchmarks.md.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(1)
public class FormationBenchmark {

	List<GroupFormation.Candidate> people;

	List<PersonId> leaders;

	Map<PersonId, Set<PersonId>> conflicts;

	@Setup
	public void setUp() {
		Random random = new Random(42);
		people = new ArrayList<>();
		leaders = new ArrayList<>();
		conflicts = new HashMap<>();
		for (int i = 0; i < 28; i++) {
			leaders.add(new PersonId(new UUID(1, i)));
		}
		for (int i = 0; i < 200; i++) {
			PersonId p = new PersonId(new UUID(0, i));
			people.add(new GroupFormation.Candidate(p, "P" + random.nextInt(8), "PGY" + (1 + random.nextInt(5))));
			if (random.nextInt(10) == 0) {
				conflicts.put(p, Set.of(leaders.get(random.nextInt(28))));
			}
		}
	}

	@Benchmark
	public GroupFormation.Proposal cohortOf200() {
		return GroupFormation.propose(people, leaders, conflicts, 10, 15);
	}

	public static void main(String[] args) throws RunnerException {
		new Runner(new OptionsBuilder().include(FormationBenchmark.class.getSimpleName()).build()).run();
	}

}
