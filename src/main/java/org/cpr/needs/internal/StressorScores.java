package org.cpr.needs.internal;

import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.cpr.needs.StressorDomain;

/**
 * The measures of one answer: stressor domains 0–100, the burnout item 1–5, WHO-5 as a
 * percentage.
 */
final class StressorScores {

	private StressorScores() {
	}

	/**
	 * Only measures whose every item was answered with a number; the others are left out.
	 */
	public static Map<StressorDomain, Double> of(Map<String, Object> answers) {
		Map<StressorDomain, Double> out = new EnumMap<>(StressorDomain.class);
		for (StressorDomain d : StressorDomain.values()) {
			double sum = 0;
			boolean complete = true;
			List<String> items = d.items();
			for (String item : items) {
				Double v = number(answers.get(item));
				if (v == null) {
					complete = false;
					break;
				}
				sum += v;
			}
			if (!complete) {
				continue;
			}
			double value = switch (d) {
				case BURNOUT -> sum;
				case WELLBEING -> sum * 4;
				default -> (sum / items.size() - 1) * 25;
			};
			out.put(d, Math.round(value * 100) / 100.0);
		}
		return out;
	}

	private static Double number(Object value) {
		if (value instanceof Number n) {
			return n.doubleValue();
		}
		if (value instanceof String s) {
			try {
				return new BigDecimal(s.strip()).doubleValue();
			}
			catch (NumberFormatException e) {
				return null;
			}
		}
		return null;
	}

}
