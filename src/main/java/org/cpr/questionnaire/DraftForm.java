package org.cpr.questionnaire;

import java.util.ArrayList;
import java.util.List;

import org.springframework.util.MultiValueMap;

/**
 * The builder's picture of a draft exactly as the facilitator typed it (numbers stay
 * strings until they validate), posted back whole with every action so nothing typed is
 * lost. Items are a flat list; {@code depth} places an item inside the group above it.
 */
record DraftForm(String title, String description, List<ItemRow> items, boolean scored, List<BandRow> bands) {

	static final List<String> TYPES = List.of("choice", "boolean", "integer", "decimal", "string", "text", "date",
			"display", "group");
	static final int MAX_ROWS = 200;

	record ItemRow(String origin, String linkId, String type, String text, boolean required, int depth,
			List<ChoiceRow> choices, List<ConditionRow> conditions) {

		public boolean answerable() {
			return !"display".equals(type) && !"group".equals(type);
		}

		public boolean choice() {
			return "choice".equals(type);
		}

		ItemRow withDepth(int newDepth) {
			return new ItemRow(origin, linkId, type, text, required, newDepth, choices, conditions);
		}
	}

	record ChoiceRow(String code, String display, String weight) {
	}

	record ConditionRow(String question, String operator, String answer) {
	}

	record BandRow(String min, String max, String code) {
	}

	/**
	 * Reads the posted form: {@code items[i].text}, {@code items[i].choices[j].weight},
	 * {@code bands[b].code}, …
	 */
	static DraftForm parse(MultiValueMap<String, String> p) {
		List<ItemRow> items = new ArrayList<>();
		for (int i = 0; i < MAX_ROWS && p.containsKey("items[" + i + "].type"); i++) {
			String at = "items[" + i + "].";
			List<ChoiceRow> choices = new ArrayList<>();
			for (int j = 0; j < MAX_ROWS && p.containsKey(at + "choices[" + j + "].code"); j++) {
				String c = at + "choices[" + j + "].";
				choices.add(new ChoiceRow(value(p, c + "code"), value(p, c + "display"), value(p, c + "weight")));
			}
			List<ConditionRow> conditions = new ArrayList<>();
			for (int k = 0; k < MAX_ROWS && p.containsKey(at + "when[" + k + "].question"); k++) {
				String w = at + "when[" + k + "].";
				conditions
					.add(new ConditionRow(value(p, w + "question"), value(p, w + "operator"), value(p, w + "answer")));
			}
			items.add(new ItemRow(value(p, at + "origin"), value(p, at + "linkId"), value(p, at + "type"),
					value(p, at + "text"), "true".equals(p.getFirst(at + "required")), depth(p.getFirst(at + "depth")),
					choices, conditions));
		}
		List<BandRow> bands = new ArrayList<>();
		for (int b = 0; b < MAX_ROWS && p.containsKey("bands[" + b + "].code"); b++) {
			String at = "bands[" + b + "].";
			bands.add(new BandRow(value(p, at + "min"), value(p, at + "max"), value(p, at + "code")));
		}
		return new DraftForm(value(p, "title"), value(p, "description"), items, "true".equals(p.getFirst("scored")),
				bands);
	}

	private static String value(MultiValueMap<String, String> p, String name) {
		String v = p.getFirst(name);
		return v == null ? "" : v;
	}

	private static int depth(String value) {
		try {
			return Math.max(0, Math.min(Integer.parseInt(value == null ? "0" : value.strip()), 10));
		}
		catch (NumberFormatException e) {
			return 0;
		}
	}
}
