package org.cpr.safety.checkin.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** The "reply by" date a participant is shown after a check-in (docs/checkin.md). */
class ReplyWindowTests {

	@Test
	void theReplyWindowSkipsWeekends() {
		assertThat(ReplyWindow.replyBy(LocalDate.of(2026, 3, 2))).as("Monday → Wednesday")
			.isEqualTo(LocalDate.of(2026, 3, 4));
		assertThat(ReplyWindow.replyBy(LocalDate.of(2026, 3, 5))).as("Thursday → Monday")
			.isEqualTo(LocalDate.of(2026, 3, 9));
		assertThat(ReplyWindow.replyBy(LocalDate.of(2026, 3, 7))).as("Saturday → Tuesday")
			.isEqualTo(LocalDate.of(2026, 3, 10));
	}

}
