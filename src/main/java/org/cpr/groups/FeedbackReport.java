package org.cpr.groups;

import java.util.List;

/**
 * A group's anonymous meeting feedback as a leader or the program may see it: pooled over
 * all its meetings, or over all the groups of its cohort while the group alone is still
 * below its threshold, and every figure released by the disclosure gate.
 *
 * @param scope what the figures cover
 * @param groupsPooled how many groups the figures cover (1 for {@link Scope#GROUP})
 * @param respondents answers behind the figures, or null when nothing is shown
 * @param threshold answers needed before anything is shown (the group's threshold)
 * @param messageKey why nothing is shown (with {@code messageArguments}), or null
 * @param measures one line per statement, in questionnaire order
 * @param comments the comments in random order when released, else empty
 * @param commentsMessageKey why no comments are shown, or null
 */
public record FeedbackReport(Scope scope, int groupsPooled, Long respondents, int threshold, String messageKey,
		List<Object> messageArguments, List<Measure> measures, List<String> comments, String commentsMessageKey,
		List<Object> commentsMessageArguments) {

	public FeedbackReport {
		messageArguments = List.copyOf(messageArguments);
		measures = List.copyOf(measures);
		comments = List.copyOf(comments);
		commentsMessageArguments = List.copyOf(commentsMessageArguments);
	}

	/** What the pooled figures cover. */
	public enum Scope {

		/** This group's meetings. */
		GROUP,
		/** The meetings of every group in the cohort (this group alone is too small). */
		COHORT,
		/** Nothing can be shown yet. */
		NONE

	}

	/**
	 * One statement: its mean (1–5) when released, else the gate's reason.
	 */
	public record Measure(String key, Double mean, String messageKey, List<Object> messageArguments) {

		public Measure {
			messageArguments = List.copyOf(messageArguments);
		}

	}

}
