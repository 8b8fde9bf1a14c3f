package org.cpr.survey.internal;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * STUB until the questionnaire module's scoring API is merged: checks that every answer is a
 * number in 0..10 or a short text, and sums the numbers. Errors are field-level (linkId → code).
 */
@Component
class ProvisionalScorer {

    record Scored(BigDecimal score, String band, List<String> flags, Map<String, String> errors) {
        boolean valid() {
            return errors.isEmpty();
        }
    }

    Scored score(Map<String, Object> answers) {
        Map<String, String> errors = new LinkedHashMap<>();
        BigDecimal sum = BigDecimal.ZERO;
        if (answers == null || answers.isEmpty()) {
            errors.put("answers", "survey.answers.required");
            return new Scored(null, null, List.of(), errors);
        }
        for (Map.Entry<String, Object> e : answers.entrySet()) {
            Object v = e.getValue();
            if (v instanceof Number n) {
                BigDecimal d = new BigDecimal(n.toString());
                if (d.signum() < 0 || d.compareTo(BigDecimal.TEN) > 0) {
                    errors.put(e.getKey(), "survey.answer.outOfRange");
                } else {
                    sum = sum.add(d);
                }
            } else if (!(v instanceof String s) || s.length() > 2000) {
                errors.put(e.getKey(), "survey.answer.invalid");
            }
        }
        return new Scored(sum, null, List.of(), errors);
    }
}
