package org.cpr.survey;

import java.util.Map;

/**
 * API shape: one row per score cell, rows fixed by the definitions. A health screen gives
 * {@code positives} and {@code percentPositive}, never a mean or an exact score
 * distribution.
 */
public record ReportCell(String group, boolean released, Long respondents, Double mean, Map<Double, Long> distribution,
		Long positives, Double percentPositive, String suppressedMessage) {
}
