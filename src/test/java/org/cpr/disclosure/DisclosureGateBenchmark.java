package org.cpr.disclosure;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.cpr.shared.Role;

/**
 * Measures (does not test) the gate on a dashboard of 50 cells over 1,000,000 responses,
 * once with pre-aggregated base cells (what a SQL GROUP BY returns) and once with
 * respondent ids. Run:
 * {@code java -cp target/classes:target/test-classes:<deps> org.cpr.disclosure.DisclosureGateBenchmark}.
 */
public final class DisclosureGateBenchmark {

	static final int RESPONSES = 1_000_000;
	static final int HOSPITALS = 5;
	static final int PROGRAMS_PER_HOSPITAL = 9;
	static final int PGY = 5;
	static final int GENDERS = 3;
	static final int TRACKS = 2;

	public static void main(String[] args) {
		Random random = new Random(42);
		int programs = HOSPITALS * PROGRAMS_PER_HOSPITAL;
		int baseCells = programs * PGY * GENDERS * TRACKS;
		long[] count = new long[baseCells];
		double[] sum = new double[baseCells];
		double[] squares = new double[baseCells];
		int[] baseOf = new int[RESPONSES];
		double[] value = new double[RESPONSES];
		for (int r = 0; r < RESPONSES; r++) {
			int cell = random.nextInt(baseCells);
			double v = 1 + random.nextInt(5);
			baseOf[r] = cell;
			value[r] = v;
			count[cell]++;
			sum[cell] += v;
			squares[cell] += v * v;
		}
		List<int[]> cellBases = dashboard(programs);
		for (int run = 0; run < 3; run++) {
			System.out.printf("pre-aggregated: median %.2f ms over 21 runs (%d cells, %d base cells)%n",
					median(() -> runAggregated(cellBases, count, sum, squares)), cellBases.size(), baseCells);
		}
		long start = System.nanoTime();
		int released = runRespondents(cellBases, baseOf, value, baseCells);
		System.out.printf("respondent ids: %.0f ms for one dashboard (%d released)%n",
				(System.nanoTime() - start) / 1e6, released);
	}

	/** 50 cells: institution, 5 hospitals, 40 programs, 4 PGY rows of the institution. */
	static List<int[]> dashboard(int programs) {
		List<int[]> cells = new ArrayList<>();
		int perProgram = PGY * GENDERS * TRACKS;
		cells.add(range(0, programs * perProgram));
		for (int h = 0; h < HOSPITALS; h++) {
			cells.add(range(h * PROGRAMS_PER_HOSPITAL * perProgram, (h + 1) * PROGRAMS_PER_HOSPITAL * perProgram));
		}
		for (int p = 0; p < 40; p++) {
			cells.add(range(p * perProgram, (p + 1) * perProgram));
		}
		for (int pgy = 0; pgy < 4; pgy++) {
			int year = pgy;
			cells.add(Arrays.stream(range(0, programs * perProgram))
				.filter(b -> (b / (GENDERS * TRACKS)) % PGY == year)
				.toArray());
		}
		return cells;
	}

	static void runAggregated(List<int[]> cellBases, long[] count, double[] sum, double[] squares) {
		List<CellRequest> cells = new ArrayList<>();
		for (int c = 0; c < cellBases.size(); c++) {
			List<Contribution> contributions = new ArrayList<>();
			for (int b : cellBases.get(c)) {
				if (count[b] > 0) {
					contributions.add(Contribution.aggregate("b" + b, count[b], sum[b], squares[b], 0));
				}
			}
			cells.add(new CellRequest("c" + c, c == 0 ? null : "c0", c == 0 ? 0 : 1, List.of(), contributions));
		}
		gate().evaluate(request(cells));
	}

	static int runRespondents(List<int[]> cellBases, int[] baseOf, double[] value, int baseCells) {
		List<List<Integer>> byBase = new ArrayList<>();
		for (int b = 0; b < baseCells; b++) {
			byBase.add(new ArrayList<>());
		}
		for (int r = 0; r < baseOf.length; r++) {
			byBase.get(baseOf[r]).add(r);
		}
		String[] ids = new String[baseOf.length];
		for (int r = 0; r < ids.length; r++) {
			ids[r] = UUID.randomUUID().toString();
		}
		List<CellRequest> cells = new ArrayList<>();
		for (int c = 0; c < cellBases.size(); c++) {
			List<Contribution> contributions = new ArrayList<>();
			for (int b : cellBases.get(c)) {
				for (int r : byBase.get(b)) {
					contributions.add(Contribution.value(ids[r], value[r]));
				}
			}
			cells.add(new CellRequest("c" + c, c == 0 ? null : "c0", c == 0 ? 0 : 1, List.of(), contributions));
		}
		long start = System.nanoTime();
		int released = (int) gate().evaluate(request(cells)).stream().filter(CellResult::released).count();
		System.out.printf("respondent ids: gate alone %.0f ms%n", (System.nanoTime() - start) / 1e6);
		return released;
	}

	static DisclosureGate gate() {
		return new DisclosureGate(ReleaseLedger.inMemory(), new Random(1), entry -> {
		});
	}

	static DisclosureRequest request(List<CellRequest> cells) {
		return new DisclosureRequest(new PersonId(UUID.randomUUID()), Role.ADMINISTRATOR, "big", "item",
				MeasureType.NUMERIC, DisclosurePolicy.defaults(), cells);
	}

	static double median(Runnable run) {
		double[] times = new double[21];
		for (int i = 0; i < times.length; i++) {
			long start = System.nanoTime();
			run.run();
			times[i] = (System.nanoTime() - start) / 1e6;
		}
		Arrays.sort(times);
		return times[times.length / 2];
	}

	static int[] range(int from, int to) {
		return java.util.stream.IntStream.range(from, to).toArray();
	}

}
