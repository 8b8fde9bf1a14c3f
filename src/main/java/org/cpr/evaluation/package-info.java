/**
 * Program evaluation: reach of every intervention against the eligible population,
 * outcomes and the relative impact of each intervention, the annual evaluation report and
 * plan, and the de-identified research export. Modules that deliver an intervention tell
 * this module who took part (or, for confidential services, only how many) by declaring
 * an {@link org.cpr.evaluation.InterventionReach} bean; this module never reads their
 * tables. The annual report reads the CQI register, needs findings and directory use
 * through those modules' read interfaces. Every number it shows passes the
 * {@code disclosure} gate.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Evaluation",
		allowedDependencies = { "shared", "identity", "disclosure", "cqi", "needs", "directory", "curriculum" })
package org.cpr.evaluation;
