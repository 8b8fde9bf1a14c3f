package org.cpr.peersupport;

/**
 * A request was not contacted within its target; the coordinators are told (ids only).
 */
public record ReachInEscalated(PeerRequestId request) {
}
