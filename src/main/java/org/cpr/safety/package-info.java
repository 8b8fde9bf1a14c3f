/**
 * Crisis safety: alerts raised by critical answers or contact requests, with tiered
 * acknowledgement deadlines, escalation to a backup clinician, and a recorded disposition
 * closing every alert. Alerts are visible to resilience clinicians only.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Safety",
		allowedDependencies = { "shared", "identity", "questionnaire", "survey", "notification", "evaluation" })
package org.cpr.safety;
