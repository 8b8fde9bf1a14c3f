package org.cpr.directory;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Search results grouped as the campus's own lists are: help right now first, then the
 * schools' programs (School of Medicine, graduate medical education, the other schools),
 * the hospitals', the campus-wide ones, and those outside the campus. Within a group the
 * search's order (best match first) is kept.
 *
 * @param key the group's message key suffix and anchor
 */
record ResultGroup(String key, List<ServiceEntry> services) {

	static final String CRISIS = "crisis";

	static List<ResultGroup> of(List<ServiceEntry> results) {
		Map<String, List<ServiceEntry>> groups = new LinkedHashMap<>();
		for (String key : List.of(CRISIS, "school", "hospital", "campus", "external")) {
			groups.put(key, new ArrayList<>());
		}
		for (ServiceEntry e : results) {
			String key = e.category() == ServiceCategory.CRISIS ? CRISIS
					: e.providerKind().name().toLowerCase(java.util.Locale.ROOT);
			groups.computeIfAbsent(key, k -> new ArrayList<>()).add(e);
		}
		return groups.entrySet()
			.stream()
			.filter(g -> !g.getValue().isEmpty())
			.map(g -> new ResultGroup(g.getKey(), List.copyOf(g.getValue())))
			.toList();
	}

}
