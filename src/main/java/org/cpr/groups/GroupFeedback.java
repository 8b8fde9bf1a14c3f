package org.cpr.groups;

import java.util.UUID;

import org.cpr.identity.CprUser;

/**
 * Anonymous feedback after mentoring group meetings, through the survey engine. When a
 * held meeting ends, its attendees (all members when no roll was taken) get a one-wave
 * anonymous campaign open for seven days; the group is attached to each answer by the
 * sender ({@code FeedbackAttributes}), never typed, and the answers become readable only
 * in the survey's shuffled batches. The group's leaders and the program see the answers
 * pooled over all the group's meetings once at least the group's threshold (default 5)
 * answered; while the group alone is below it, pooled over every group of the cohort;
 * comments only from {@code DisclosurePolicy.DEFAULT_MIN_COMMENTS}. Every figure passes
 * the disclosure gate in one round per cohort, so a pool can never be compared with
 * another to isolate a few answers. No one is ever told who answered.
 */
public interface GroupFeedback {

	/**
	 * Asks for feedback on every held meeting that ended in the last seven days and was
	 * not asked about yet, each in a transaction of its own. Returns how many campaigns
	 * were started.
	 */
	int sendDue();

	/**
	 * The group's feedback for one of its leaders, or for the program (program directors,
	 * administrators, facilitators). @throws UnknownGroupRecord for anyone else, and for
	 * a leader of another group
	 */
	FeedbackReport report(UUID groupId, CprUser viewer);

}
