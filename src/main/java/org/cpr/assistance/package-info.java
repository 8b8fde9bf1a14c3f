/**
 * Individual assistance by resilience clinicians: published availability, booking in
 * three taps with a waiting list, an episode of care per person (intake and measures
 * scored by the questionnaire engine, appointments, envelope-encrypted notes, referrals
 * to directory services, closure), break the glass, the person's own view and export, and
 * retention. Tables belong to this module; other modules get typed events without
 * content, and reports leave only through {@code disclosure}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Individual assistance",
		allowedDependencies = { "shared", "identity", "questionnaire", "directory", "disclosure", "notification",
				"calendar", "evaluation", "safety", "curriculum" })
package org.cpr.assistance;
