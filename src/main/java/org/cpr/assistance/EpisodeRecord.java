package org.cpr.assistance;

import java.util.List;

/**
 * Everything of an episode a clinician with access sees. {@code viaGlassBreak}: the
 * viewer is outside the care team and reads under a time-limited break-the-glass grant.
 * {@code reasons}: the optional reason the person gave when booking, by appointment id.
 */
public record EpisodeRecord(Episode episode, List<Appointment> appointments, List<Note> notes, List<Measure> measures,
		List<Referral> referrals, List<AcceptedStep> steps, List<GlassBreak> glassBreaks, boolean viaGlassBreak,
		java.util.Map<java.util.UUID, String> reasons) {

	/** A pathway step the clinician accepted. */
	public record AcceptedStep(String pathway, String step, java.time.Instant acceptedAt) {
	}
}
