/**
 * Disclosure control: the one gate ({@link org.cpr.disclosure.DisclosureGate}) every
 * aggregate passes before it leaves the server. It computes the figures itself, applies
 * the round's fixed {@link org.cpr.disclosure.DisclosurePolicy} (5 respondents, 10 for
 * comments, positive screens 0 or ≥ 11 and never 100 %), and keeps one ledger per
 * released object (round), shared by every viewer and output format, so that no
 * combination of released figures — totals, margins, overlapping filters, earlier queries
 * — isolates fewer than the minimum. Large rounds pass pre-aggregated base cells instead
 * of respondent ids; the same rules apply to them. Design and rationale:
 * {@code docs/disclosure.md}.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Disclosure control", allowedDependencies = "shared")
package org.cpr.disclosure;
