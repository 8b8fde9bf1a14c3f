/**
 * The directory of every mental-health and wellness service on campus — who it is for,
 * how confidential it is in plain words, what it costs, when and how to reach it — and
 * the program's public website. Other modules link to services by id.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Directory and public website",
		allowedDependencies = { "shared", "identity" })
package org.cpr.directory;
