/**
 * Small confidential mentoring groups: cohorts formed into groups of 10–15 (a setting)
 * with one or two leaders, balanced by program and level and never led by someone in a
 * member's supervisory line; recurring meetings on people's calendars with a curriculum
 * topic and leader guide; confidential attendance that leaves the group only as gated
 * counts; the confidentiality agreement; and a leader's referral to a resilience
 * clinician through {@code safety}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Mentoring groups", allowedDependencies = { "shared",
		"identity", "curriculum", "calendar", "disclosure", "safety", "evaluation", "questionnaire", "survey" })
package org.cpr.groups;
