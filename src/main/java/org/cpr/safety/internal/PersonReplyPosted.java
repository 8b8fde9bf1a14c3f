package org.cpr.safety.internal;

import java.util.UUID;

/**
 * The person behind an alert answered and the reply waits for a clinician; carries the
 * alert id only.
 */
record PersonReplyPosted(UUID alertId) {
}
