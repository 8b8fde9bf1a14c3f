package org.cpr.safety.checkin.internal;

import java.util.UUID;

/**
 * A clinician answered a check-in; the participant's doorbell (if any) rings. Carries no
 * content.
 */
record CheckinReplyPosted(UUID accountId) {
}
