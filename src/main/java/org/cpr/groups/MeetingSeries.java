package org.cpr.groups;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.List;

import org.cpr.curriculum.TopicId;

/**
 * A run of meetings: {@code count} meetings from {@code firstDay}, every
 * {@code everyWeeks} weeks, or monthly on the same weekday of the month when
 * {@code everyWeeks} is 0 (e.g. "second Tuesday"). Meeting i takes {@code topics[i]} when
 * given (a null entry: no topic yet).
 */
public record MeetingSeries(LocalDate firstDay, LocalTime start, int minutes, String timeZone, String place, int count,
		int everyWeeks, List<TopicId> topics) {

	public MeetingSeries {
		topics = topics == null ? List.of() : java.util.Collections.unmodifiableList(new java.util.ArrayList<>(topics));
	}
}
