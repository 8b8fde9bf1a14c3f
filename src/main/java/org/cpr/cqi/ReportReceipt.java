package org.cpr.cqi;

import java.time.LocalDate;

/**
 * What the reporter sees after sending: the day only, and the reply code when they asked
 * for one.
 */
public record ReportReceipt(LocalDate receivedOn, String replyCode, LocalDate reviewableFrom) {
}
