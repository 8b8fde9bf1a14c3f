package org.cpr.needs;

import java.util.List;

/**
 * The measures of the end-of-rotation questionnaire. The eight stressor domains are
 * scored 0–100 (the mean of their items, 1 never … 5 always, rescaled; higher = more
 * stress); {@link #BURNOUT} is the single burnout item (1–5) and {@link #WELLBEING} the
 * WHO-5 percentage (0–100, higher = better).
 */
public enum StressorDomain {

	WORKLOAD("workload", "workload_1", "workload_2"), SLEEP("sleep", "sleep_1"), AUTONOMY("autonomy", "autonomy_1"),
	TEAM("team", "team_1"), MISTREATMENT("mistreatment", "mistreatment_1"), ADVERSE("adverse", "adverse_1"),
	EHR("ehr", "ehr_1"), HOME("home", "home_1"), BURNOUT("burnout", "burnout"),
	WELLBEING("wellbeing", "who5_1", "who5_2", "who5_3", "who5_4", "who5_5");

	private final String column;

	private final List<String> items;

	StressorDomain(String column, String... items) {
		this.column = column;
		this.items = List.of(items);
	}

	/** The needs_response column (a fixed identifier, never user input). */
	public String column() {
		return column;
	}

	public List<String> items() {
		return items;
	}

	/** True for the eight stressor domains (not the burnout and well-being anchors). */
	public boolean stressor() {
		return this != BURNOUT && this != WELLBEING;
	}

	/** 0–100 on a "how much of a problem" scale, for the heat map's colour band. */
	public double severity(double mean) {
		return switch (this) {
			case BURNOUT -> (mean - 1) * 25;
			case WELLBEING -> 100 - mean;
			default -> mean;
		};
	}

	/** The stressor domains only, in questionnaire order. */
	public static List<StressorDomain> stressors() {
		return java.util.Arrays.stream(values()).filter(StressorDomain::stressor).toList();
	}

}
