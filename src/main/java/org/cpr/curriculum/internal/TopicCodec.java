package org.cpr.curriculum.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.cpr.curriculum.Competency;
import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicContent;
import org.cpr.curriculum.TopicFormat;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicResource;
import org.cpr.curriculum.WellBeingRequirement;

/** Between the topic row's text columns and the {@link Topic} record. */
public final class TopicCodec {

	private static final String RESOURCE_SEPARATOR = " | ";

	private TopicCodec() {
	}

	public static Topic topic(TopicEntity e) {
		return new Topic(new TopicId(e.getId()), e.getCode(), e.getTitle(), e.getSummary(), lines(e.getObjectives()),
				TopicFormat.valueOf(e.getFormat()), e.getMinutes(), e.getFacilitatorNotes(),
				resources(e.getResources()), codes(Competency.class, e.getCompetencies()),
				codes(WellBeingRequirement.class, e.getRequirements()), e.isRetired());
	}

	public static void write(TopicContent c, TopicEntity e) {
		e.setCode(c.code());
		e.setTitle(c.title());
		e.setSummary(c.summary());
		e.setObjectives(String.join("\n", c.objectives()));
		e.setFormat(c.format().name());
		e.setMinutes(c.minutes());
		e.setFacilitatorNotes(c.facilitatorNotes());
		e.setResources(c.resources()
			.stream()
			.map(r -> r.label() + RESOURCE_SEPARATOR + r.url())
			.collect(Collectors.joining("\n")));
		e.setCompetencies(join(c.competencies()));
		e.setRequirements(join(c.requirements()));
	}

	public static List<String> lines(String text) {
		if (text == null || text.isBlank()) {
			return List.of();
		}
		return text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
	}

	/** "label | url" lines; a line without a label is its own label. */
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

	static <E extends Enum<E>> String join(Set<E> values) {
		return values.stream().map(Enum::name).sorted().collect(Collectors.joining(","));
	}

	static <E extends Enum<E>> Set<E> codes(Class<E> type, String text) {
		Set<E> found = EnumSet.noneOf(type);
		if (text != null && !text.isBlank()) {
			Arrays.stream(text.split(",")).map(String::strip).forEach(code -> found.add(Enum.valueOf(type, code)));
		}
		return found;
	}

}
