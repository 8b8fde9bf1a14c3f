package org.cpr.cqi;

import java.util.Map;

/**
 * Speak-up reports received for one hospital in one quarter, counted only once their
 * weekly review batch has opened, every figure through the disclosure gate.
 */
record ReportCounts(Quarter quarter, GatedCount total, Map<CqiCategory, GatedCount> byCategory) {
}
