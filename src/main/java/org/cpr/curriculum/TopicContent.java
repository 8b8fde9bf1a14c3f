package org.cpr.curriculum;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What an editor writes for a topic: everything but its id and state. */
public record TopicContent(String code, String title, String summary, List<String> objectives, TopicFormat format,
		int minutes, String facilitatorNotes, List<TopicResource> resources, Set<Competency> competencies,
		Set<WellBeingRequirement> requirements) {

	public TopicContent {
		objectives = List.copyOf(objectives);
		resources = List.copyOf(resources);
		competencies = Set.copyOf(competencies);
		requirements = Set.copyOf(requirements);
	}

	/** The editor's text for a list: one entry per non-blank line, stripped. */
	public static List<String> lines(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/** The editor's "label | url" lines; a line without a label is its own label. */
	public static List<TopicResource> resources(String text) {
		List<TopicResource> found = new ArrayList<>();
		for (String line : lines(text)) {
			int at = line.lastIndexOf('|');
			String label = at < 0 ? line : line.substring(0, at).strip();
			String url = at < 0 ? line : line.substring(at + 1).strip();
			found.add(new TopicResource(label.isEmpty() ? url : label, url));
		}
		return found;
	}

}
