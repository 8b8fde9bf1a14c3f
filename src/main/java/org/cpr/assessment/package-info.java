/**
 * The Resilience Snapshot: a short, configurable battery of well-being screens a person
 * takes for themselves, with plain-language results, their own trend, tailored next
 * steps, a private-or-contact choice when an answer needs a clinician, and aggregates for
 * leadership only through the disclosure gate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Resilience Snapshot", allowedDependencies = { "shared",
		"identity", "questionnaire", "disclosure", "directory", "safety", "notification", "evaluation" })
package org.cpr.assessment;
