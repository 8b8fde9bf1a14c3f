package org.cpr.peersupport;

import org.cpr.shared.PersonId;

/**
 * A supporter asked, in their own check-in, for a debrief with the coordinator (the only
 * part of a check-in anyone else learns).
 */
public record SupporterDebriefRequested(PersonId supporter) {
}
