/**
 * Technical wiring shared by every page: clock, locale and message bundles, navigation,
 * error pages and API problem details, and the guard that keeps production off the
 * embedded database.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Platform", allowedDependencies = "shared")
package org.cpr.platform;
