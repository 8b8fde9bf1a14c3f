package org.cpr.assessment;

import java.util.List;
import java.util.Map;

/**
 * One cell as shown: released figures, or the gate's reason (message key and arguments).
 */
public record AggregateCell(String unitName, boolean released, Long respondents, Map<String, Long> bands,
		String messageKey, List<Object> messageArguments) {
}
