package org.cpr.cqi;

import java.util.UUID;

/**
 * What a reporter sends. Carries no identity: for a confidential report the person is
 * passed separately and stored apart from the report.
 */
public record ReportSubmission(ReportChannel channel, CqiCategory category, UUID hospitalId, String setting,
		String body, boolean wantsReplies) {
}
