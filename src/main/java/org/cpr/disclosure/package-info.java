/**
 * Disclosure control: the one gate every aggregate passes before it leaves the server. Minimum
 * respondents (5), minimum for comments (10), positive-screen counts only when 0 or at least 11, no
 * all-positive cell, and anti-differencing across everything one principal has seen in a round:
 * pairwise contributor-set differences and counts derivable by subtracting released sets
 * (see docs/disclosure.md).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure control")
package org.cpr.disclosure;
