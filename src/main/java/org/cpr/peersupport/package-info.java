/**
 * Peer support network: the roster of trained peer supporters (training, refresher,
 * availability, load, pause), requests for support (self-referral, colleague referral and
 * adverse-event reach-in filed by a risk/quality manager, nurse manager or chief
 * resident), rule-based matching that a coordinator confirms, the 24-hour first-contact
 * target with escalation, a minimal encounter log with no room for clinical content,
 * group debriefs after critical incidents, and counts that leave only through
 * {@code disclosure}. A supporter who hears of suicide risk hands off through
 * {@code safety}'s crisis protocol; evaluation learns only how many contacts there were.
 */
@org.springframework.modulith.ApplicationModule(displayName = "Peer support",
		allowedDependencies = { "shared", "identity", "disclosure", "notification", "safety", "evaluation", "groups" })
package org.cpr.peersupport;
