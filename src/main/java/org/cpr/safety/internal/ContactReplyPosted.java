package org.cpr.safety.internal;

import java.util.UUID;

import org.cpr.shared.PersonId;

/** A clinician wrote to the person behind an alert; carries ids only. */
record ContactReplyPosted(UUID alertId, PersonId person) {
}
