package org.cpr.curriculum.internal;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.Set;
import java.util.stream.Collectors;

import org.cpr.curriculum.Competency;
import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicContent;
import org.cpr.curriculum.TopicFormat;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.WellBeingRequirement;

/** Between the topic row's text columns and the {@link Topic} record. */
final class TopicCodec {

	private static final String RESOURCE_SEPARATOR = " | ";

	private TopicCodec() {
	}

	static Topic topic(TopicEntity e) {
		return new Topic(new TopicId(e.getId()), e.getCode(), e.getTitle(), e.getSummary(),
				TopicContent.lines(e.getObjectives()), TopicFormat.valueOf(e.getFormat()), e.getMinutes(),
				e.getFacilitatorNotes(), TopicContent.resources(e.getResources()),
				codes(Competency.class, e.getCompetencies()), codes(WellBeingRequirement.class, e.getRequirements()),
				e.isRetired());
	}

	static void write(TopicContent c, TopicEntity e) {
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
