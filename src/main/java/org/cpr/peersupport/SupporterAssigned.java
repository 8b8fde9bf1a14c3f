package org.cpr.peersupport;

import org.cpr.shared.PersonId;

/** A coordinator confirmed {@code supporter} for a request; the supporter is notified. */
public record SupporterAssigned(PeerRequestId request, PersonId supporter) {
}
