package org.cpr.curriculum;

import java.util.List;
import java.util.Set;

/**
 * A topic of the library as other modules and pages see it.
 *
 * @param minutes suggested length in minutes
 */
public record Topic(TopicId id, String code, String title, String summary, List<String> objectives, TopicFormat format,
		int minutes, String facilitatorNotes, List<TopicResource> resources, Set<Competency> competencies,
		Set<WellBeingRequirement> requirements, boolean retired) {

	public Topic {
		objectives = List.copyOf(objectives);
		resources = List.copyOf(resources);
		competencies = Set.copyOf(competencies);
		requirements = Set.copyOf(requirements);
	}
}
