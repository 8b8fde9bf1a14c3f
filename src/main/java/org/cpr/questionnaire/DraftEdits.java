package org.cpr.questionnaire;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import org.cpr.questionnaire.DraftForm.BandRow;
import org.cpr.questionnaire.DraftForm.ChoiceRow;
import org.cpr.questionnaire.DraftForm.ConditionRow;
import org.cpr.questionnaire.DraftForm.ItemRow;

/**
 * The builder's structural edits, applied to the posted form. An action is a button's
 * value such as {@code addChoice:2} or {@code removeChoice:2:1}; an index that does not
 * exist changes nothing.
 */
final class DraftEdits {

	private DraftEdits() {
	}

	/**
	 * Applies {@code action}; returns the index of the item it touched (for focus), or
	 * -1.
	 */
	static int apply(DraftForm form, String action, String newItemType) {
		String[] parts = action == null ? new String[] { "" } : action.split(":");
		int i = index(parts, 1);
		List<ItemRow> items = form.items();
		boolean onItem = i >= 0 && i < items.size();
		switch (parts[0]) {
			case "addItem" -> {
				if (items.size() < DraftForm.MAX_ROWS) {
					items.add(newItem(items, DraftForm.TYPES.contains(newItemType) ? newItemType : "choice"));
					return items.size() - 1;
				}
			}
			case "deleteItem" -> {
				if (onItem) {
					items.remove(i);
				}
			}
			case "up" -> {
				if (onItem && i > 0) {
					Collections.swap(items, i, i - 1);
					return i - 1;
				}
			}
			case "down" -> {
				if (onItem && i < items.size() - 1) {
					Collections.swap(items, i, i + 1);
					return i + 1;
				}
			}
			case "indent" -> {
				if (onItem) {
					items.set(i, items.get(i).withDepth(items.get(i).depth() + 1));
				}
			}
			case "outdent" -> {
				if (onItem) {
					items.set(i, items.get(i).withDepth(Math.max(0, items.get(i).depth() - 1)));
				}
			}
			case "addChoice" -> {
				if (onItem && items.get(i).choices().size() < DraftForm.MAX_ROWS) {
					addChoice(items.get(i).choices());
				}
			}
			case "removeChoice" -> remove(onItem ? items.get(i).choices() : null, index(parts, 2));
			case "addCondition" -> {
				if (onItem && i > 0) {
					String question = items.subList(0, i)
						.stream()
						.filter(ItemRow::answerable)
						.map(ItemRow::linkId)
						.reduce((a, b) -> b)
						.orElse("");
					items.get(i).conditions().add(new ConditionRow(question, "=", ""));
				}
			}
			case "removeCondition" -> remove(onItem ? items.get(i).conditions() : null, index(parts, 2));
			case "addBand" -> {
				if (form.bands().size() < DraftForm.MAX_ROWS) {
					form.bands().add(new BandRow("", "", ""));
				}
			}
			case "removeBand" -> remove(form.bands(), index(parts, 1));
			default -> {
				return -1;
			}
		}
		return onItem ? Math.min(i, items.size() - 1) : -1;
	}

	static ItemRow newItem(List<ItemRow> items, String type) {
		Set<String> used = new HashSet<>();
		items.forEach(item -> used.add(item.linkId().strip()));
		int n = 1;
		while (used.contains(Integer.toString(n))) {
			n++;
		}
		List<ChoiceRow> choices = new ArrayList<>();
		if ("choice".equals(type)) {
			addChoice(choices);
			addChoice(choices);
		}
		int depth = items.isEmpty() ? 0
				: items.get(items.size() - 1).depth() + ("group".equals(items.get(items.size() - 1).type()) ? 1 : 0);
		return new ItemRow("", Integer.toString(n), type, "", false, depth, choices, new ArrayList<>());
	}

	private static void addChoice(List<ChoiceRow> choices) {
		Set<String> used = new HashSet<>();
		choices.forEach(c -> used.add(c.code().strip()));
		int n = choices.size();
		while (used.contains(Integer.toString(n))) {
			n++;
		}
		choices.add(new ChoiceRow(Integer.toString(n), "", Integer.toString(choices.size())));
	}

	private static void remove(List<?> rows, int index) {
		if (rows != null && index >= 0 && index < rows.size()) {
			rows.remove(index);
		}
	}

	private static int index(String[] parts, int at) {
		try {
			return parts.length > at ? Integer.parseInt(parts[at]) : -1;
		}
		catch (NumberFormatException e) {
			return -1;
		}
	}

}
