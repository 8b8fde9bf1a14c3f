package org.cpr.curriculum;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;

/**
 * Files attached to topics. Only document and image types a facilitator hands out are
 * taken (PDF, Word, PowerPoint, Excel, PNG, JPEG, plain text), recognised by their
 * extension and checked against their first bytes, up to
 * {@code cpr.curriculum.file-max-bytes} (4 MB by default) and
 * {@link #MAX_FILES_PER_TOPIC} per topic. The type served is the one the server
 * determined, never the browser's claim.
 */
public interface TopicFiles {

	int MAX_FILES_PER_TOPIC = 20;

	/** Why a file was not taken: the message key says it to the user. */
	final class FileRefused extends RuntimeException {

		private final String messageKey;

		public FileRefused(String messageKey) {
			super("file refused");
			this.messageKey = messageKey;
		}

		public String messageKey() {
			return messageKey;
		}

	}

	int maxBytes();

	List<TopicFile> of(TopicId topic);

	/**
	 * Stores a file on a topic.
	 * @throws FileRefused for an empty or too large file, a type not accepted, content
	 * that is not what its name says, or a topic that already has
	 * {@link #MAX_FILES_PER_TOPIC}
	 */
	TopicFile upload(TopicId topic, String originalName, byte[] content, PersonId by);

	/** The file and its bytes, when it belongs to the topic. */
	Optional<Map.Entry<TopicFile, byte[]>> download(TopicId topic, UUID file);

	boolean delete(TopicId topic, UUID file, PersonId by);

}
