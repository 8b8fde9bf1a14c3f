package org.cpr.curriculum.internal;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.cpr.curriculum.Competency;
import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicContent;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.curriculum.WellBeingRequirement;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The topic library as Spring Data JPA over {@code curriculum_topic}.
 */
@Service("topicLibrary")
@Transactional(readOnly = true)
class JpaTopicLibrary implements TopicLibrary {

	private final TopicRepository topics;

	private final Clock clock;

	JpaTopicLibrary(TopicRepository topics, Clock clock) {
		this.topics = topics;
		this.clock = clock;
	}

	@Override
	public List<Topic> search(String text, Competency competency, WellBeingRequirement requirement,
			boolean withRetired) {
		String needle = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
		return topics.findAllByOrderByTitle()
			.stream()
			.map(TopicCodec::topic)
			.filter(t -> withRetired || !t.retired())
			.filter(t -> competency == null || t.competencies().contains(competency))
			.filter(t -> requirement == null || t.requirements().contains(requirement))
			.filter(t -> needle.isEmpty() || (t.title() + "\n" + t.summary() + "\n" + String.join("\n", t.objectives()))
				.toLowerCase(Locale.ROOT)
				.contains(needle))
			.toList();
	}

	@Override
	public Optional<Topic> find(TopicId id) {
		return topics.findById(id.value()).map(TopicCodec::topic);
	}

	@Override
	public Map<TopicId, Topic> byIds(Collection<TopicId> ids) {
		return topics.findAllById(ids.stream().map(TopicId::value).toList())
			.stream()
			.map(TopicCodec::topic)
			.collect(Collectors.toMap(Topic::id, Function.identity()));
	}

	@Override
	@Transactional
	public TopicId create(TopicContent content, PersonId editor) {
		return create(new TopicId(UUID.randomUUID()), content, editor);
	}

	@Override
	@Transactional
	public TopicId create(TopicId id, TopicContent content, PersonId editor) {
		if (topics.findByCode(content.code()).isPresent()) {
			throw new DuplicateTopicCode(content.code());
		}
		TopicEntity entity = new TopicEntity(id.value());
		TopicCodec.write(content, entity);
		entity.touch(clock.instant(), editor == null ? null : editor.value());
		topics.save(entity);
		return id;
	}

	@Override
	@Transactional
	public void update(TopicId id, TopicContent content, PersonId editor) {
		TopicEntity entity = topics.findById(id.value()).orElseThrow(() -> new UnknownTopic(id));
		topics.findByCode(content.code()).filter(other -> !other.getId().equals(id.value())).ifPresent(other -> {
			throw new DuplicateTopicCode(content.code());
		});
		TopicCodec.write(content, entity);
		entity.touch(clock.instant(), editor == null ? null : editor.value());
	}

	@Override
	@Transactional
	public void setRetired(TopicId id, boolean retired, PersonId editor) {
		TopicEntity entity = topics.findById(id.value()).orElseThrow(() -> new UnknownTopic(id));
		entity.setRetired(retired);
		entity.touch(clock.instant(), editor == null ? null : editor.value());
	}

	@Override
	public long count() {
		return topics.count();
	}

}
