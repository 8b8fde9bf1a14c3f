package org.cpr.assistance;

import java.util.List;

/**
 * What a person sees of their own care: appointments, the questionnaires they shared
 * (intake and measures), referrals with the hand-off message they consented to, and every
 * break-the-glass on their episodes. Clinicians' notes are not part of it (they are the
 * clinician's working notes).
 */
public record PersonalRecord(List<Episode> episodes, List<Appointment> appointments, List<Measure> measures,
		List<Referral> referrals, List<GlassBreak> glassBreaks) {
}
