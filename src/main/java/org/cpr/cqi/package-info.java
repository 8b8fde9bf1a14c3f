/**
 * Continuous quality improvement: trainees' confidential feedback becomes register items
 * with a problem statement, proposed solutions, presentations to leadership, decisions
 * and follow-through, and a "you said, we did" board that identifies no reporter.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Continuous quality improvement",
		allowedDependencies = { "shared", "identity", "survey", "disclosure" })
package org.cpr.cqi;
