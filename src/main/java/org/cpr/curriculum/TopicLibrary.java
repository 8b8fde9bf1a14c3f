package org.cpr.curriculum;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.cpr.shared.PersonId;

/** The curriculum module's API: browse, find and edit the topic library. */
public interface TopicLibrary {

	/**
	 * Topics whose title, summary or objectives contain {@code text} (any case), mapped
	 * to {@code competency} and {@code requirement} when given, by title; retired topics
	 * only on request.
	 */
	List<Topic> search(String text, Competency competency, WellBeingRequirement requirement, boolean withRetired);

	Optional<Topic> find(TopicId id);

	Map<TopicId, Topic> byIds(Collection<TopicId> ids);

	/** Adds a topic. @throws DuplicateTopicCode when another topic has the code */
	TopicId create(TopicContent content, PersonId editor);

	/** Adds a topic under a chosen id (demo data uses stable ids). */
	TopicId create(TopicId id, TopicContent content, PersonId editor);

	/** Changes a topic. @throws DuplicateTopicCode when another topic has the new code */
	void update(TopicId id, TopicContent content, PersonId editor);

	/** Retires a topic (kept for the record of what was taught) or brings it back. */
	void setRetired(TopicId id, boolean retired, PersonId editor);

	long count();

	/** Another topic already uses this code. */
	final class DuplicateTopicCode extends RuntimeException {

		public DuplicateTopicCode(String code) {
			super("duplicate topic code");
		}

	}

	/** No topic has this id. */
	final class UnknownTopic extends RuntimeException {

		public UnknownTopic(TopicId id) {
			super("unknown topic");
		}

	}

}
