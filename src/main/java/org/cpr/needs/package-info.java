/**
 * Needs analysis and rotation guides: the rotation catalogue and block schedule (CSV
 * import with a dry run, manual entry), end-of-rotation stressor waves sent through
 * {@code survey} to the people who just finished a block (anonymous; rotation, hospital
 * and specialty attached from the schedule and coarsened, never typed), the stressor heat
 * map through {@code disclosure}, findings sent to the CQI register, and per-rotation
 * guides with peer tips reviewed before publication.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Needs analysis",
		allowedDependencies = { "shared", "identity", "questionnaire", "survey", "disclosure", "cqi" })
package org.cpr.needs;
