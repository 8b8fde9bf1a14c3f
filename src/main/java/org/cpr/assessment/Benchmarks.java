package org.cpr.assessment;

import java.util.List;

/**
 * Published prevalences to compare one's own result with (instruments.md §20). Each names
 * the instrument and definition it used: benchmarks from different instruments are not
 * interchangeable.
 */
final class Benchmarks {

	/**
	 * @param instrumentId the instrument of the person's result this compares with
	 * @param messageKey the plain-language label (group, definition)
	 * @param percent the published prevalence
	 * @param source citation
	 */
	public record Benchmark(String instrumentId, String messageKey, double percent, String source) {
	}

	private static final List<Benchmark> ALL = List.of(
			new Benchmark("burnout-single-item", "snapshot.benchmark.amaBiopsy2024", 43.2,
					"AMA Organizational Biopsy national comparison, 2024 (~18,000 physicians)"),
			new Benchmark("burnout-single-item", "snapshot.benchmark.physicians2023", 45.2,
					"Shanafelt et al., Mayo Clinic Proceedings 2025 (MBI, ≥1 burnout symptom, 2023 survey)"),
			new Benchmark("burnout-single-item", "snapshot.benchmark.residents", 47.3,
					"Naji et al., CMAJ Open 2021;9:E189 (meta-regression, 31,210 trainees)"));

	private Benchmarks() {
	}

	public static List<Benchmark> forInstrument(String instrumentId) {
		return ALL.stream().filter(b -> b.instrumentId().equals(instrumentId)).toList();
	}

	public static List<Benchmark> all() {
		return ALL;
	}

}
