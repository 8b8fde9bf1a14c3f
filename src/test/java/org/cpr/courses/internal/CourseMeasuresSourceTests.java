package org.cpr.courses.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;

import org.cpr.evaluation.CourseMeasures.Figure;
import org.junit.jupiter.api.Test;

/** Session ratings pooled from released figures equal the figures of the whole sample. */
class CourseMeasuresSourceTests {

	@Test
	void poolingTwoReleasedFiguresGivesTheCombinedSamplesMeanAndSd() {
		// {1, 2, 3}: mean 2, SD 1; {4, 5}: mean 4.5, SD √0.5; together {1..5}: mean 3,
		// SD √2.5
		Figure pooled = CourseMeasuresSource.pooled(List.of(new Figure(3, 2, 1), new Figure(2, 4.5, Math.sqrt(0.5))));
		assertThat(pooled.n()).isEqualTo(5);
		assertThat(pooled.mean()).isCloseTo(3.0, within(1e-12));
		assertThat(pooled.standardDeviation()).isCloseTo(Math.sqrt(2.5), within(1e-12));
	}

}
