package org.cpr.curriculum.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.EnumSet;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.curriculum.Competency;
import org.cpr.curriculum.TopicContent;
import org.cpr.curriculum.TopicFormat;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.curriculum.WellBeingRequirement;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * Seeds the demo topic library from {@code curriculum/demo-topics.json} (demo mode only).
 * Ids derive from the topic codes, so every demo start has the same ids.
 */
@Component
@Order(20)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoTopicSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoTopicSeeder.class);

	record DemoTopic(String code, String title, String summary, List<String> objectives, TopicFormat format,
			int minutes, String facilitatorNotes, List<String> resources, List<Competency> competencies,
			List<WellBeingRequirement> requirements) {
	}

	private final TopicLibrary library;

	DemoTopicSeeder(TopicLibrary library) {
		this.library = library;
	}

	/** The stable id of a demo topic. */
	static TopicId demoId(String code) {
		return new TopicId(UUID.nameUUIDFromBytes(("cpr-demo-topic:" + code).getBytes(StandardCharsets.UTF_8)));
	}

	@Override
	public void run(ApplicationArguments args) throws IOException {
		if (library.count() > 0) {
			return;
		}
		List<DemoTopic> topics;
		try (InputStream in = new ClassPathResource("curriculum/demo-topics.json").getInputStream()) {
			topics = List.of(new ObjectMapper().readValue(in, DemoTopic[].class));
		}
		for (DemoTopic t : topics) {
			library.create(demoId(t.code()),
					new TopicContent(t.code(), t.title(), t.summary(), t.objectives(), t.format(), t.minutes(),
							t.facilitatorNotes(), TopicContent.resources(String.join("\n", t.resources())),
							t.competencies().isEmpty() ? EnumSet.noneOf(Competency.class)
									: EnumSet.copyOf(t.competencies()),
							t.requirements().isEmpty() ? EnumSet.noneOf(WellBeingRequirement.class)
									: EnumSet.copyOf(t.requirements())),
					null);
		}
		log.info("Demo topic library seeded: {} topics", topics.size());
	}

}
