package org.cpr.curriculum;

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
}
