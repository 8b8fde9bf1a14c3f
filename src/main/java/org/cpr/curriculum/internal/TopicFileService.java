package org.cpr.curriculum.internal;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.curriculum.TopicFile;
import org.cpr.curriculum.TopicFiles;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Topic files checked here (type by extension and first bytes, size, count) and stored by
 * {@link TopicFileStore}.
 */
@Service("topicFiles")
class TopicFileService implements TopicFiles {

	/** Extension → media type of what is accepted. */
	static final Map<String, String> TYPES = Map.of("pdf", "application/pdf", "docx",
			"application/vnd.openxmlformats-officedocument.wordprocessingml.document", "pptx",
			"application/vnd.openxmlformats-officedocument.presentationml.presentation", "xlsx",
			"application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", "png", "image/png", "jpg",
			"image/jpeg", "jpeg", "image/jpeg", "txt", "text/plain");

	private final TopicFileStore store;

	private final TopicLibrary topics;

	private final AuditPort audit;

	private final Clock clock;

	private final int maxBytes;

	TopicFileService(TopicFileStore store, TopicLibrary topics, AuditPort audit, Clock clock,
			@Value("${cpr.curriculum.file-max-bytes:4194304}") int maxBytes) {
		this.store = store;
		this.topics = topics;
		this.audit = audit;
		this.clock = clock;
		this.maxBytes = maxBytes;
	}

	@Override
	public int maxBytes() {
		return maxBytes;
	}

	@Override
	@Transactional(readOnly = true)
	public List<TopicFile> of(TopicId topic) {
		return store.of(topic);
	}

	@Override
	@Transactional
	public TopicFile upload(TopicId topic, String originalName, byte[] content, PersonId by) {
		topics.find(topic).orElseThrow(() -> new FileRefused("curriculum.file.unknownTopic"));
		if (content == null || content.length == 0) {
			throw new FileRefused("curriculum.file.empty");
		}
		if (content.length > maxBytes) {
			throw new FileRefused("curriculum.file.tooLarge");
		}
		String name = safeName(originalName);
		String extension = name.contains(".") ? name.substring(name.lastIndexOf('.') + 1).toLowerCase(Locale.ROOT) : "";
		String type = TYPES.get(extension);
		if (type == null) {
			throw new FileRefused("curriculum.file.type");
		}
		if (!looksLike(extension, content)) {
			throw new FileRefused("curriculum.file.content");
		}
		if (store.count(topic) >= MAX_FILES_PER_TOPIC) {
			throw new FileRefused("curriculum.file.tooMany");
		}
		TopicFile file = new TopicFile(UUID.randomUUID(), topic, name, type, content.length, clock.instant());
		store.insert(file, content, by);
		audit.record(AuditEntry.success(by, "TOPIC_FILE_ADDED", "curriculum_topic", topic.toString()));
		return file;
	}

	/** The file and its bytes, when it belongs to the topic. */
	@Transactional(readOnly = true)
	public Optional<Map.Entry<TopicFile, byte[]>> download(TopicId topic, UUID file) {
		return store.of(topic)
			.stream()
			.filter(f -> f.id().equals(file))
			.findFirst()
			.flatMap(f -> store.content(topic, file).map(bytes -> Map.entry(f, bytes)));
	}

	@Override
	@Transactional
	public boolean delete(TopicId topic, UUID file, PersonId by) {
		boolean deleted = store.delete(topic, file);
		if (deleted) {
			audit.record(AuditEntry.success(by, "TOPIC_FILE_REMOVED", "curriculum_topic", topic.toString()));
		}
		return deleted;
	}

	/**
	 * A name safe in a header and on any file system: letters, digits, dot, dash,
	 * underscore, space; at most 120 characters.
	 */
	static String safeName(String original) {
		String base = original == null ? "" : original.replace('\\', '/');
		base = base.substring(base.lastIndexOf('/') + 1);
		String cleaned = base.replaceAll("[^A-Za-z0-9._ -]", "_").strip();
		if (cleaned.isEmpty() || cleaned.startsWith(".")) {
			cleaned = "file" + cleaned;
		}
		return cleaned.length() <= 120 ? cleaned : cleaned.substring(cleaned.length() - 120);
	}

	private static boolean looksLike(String extension, byte[] c) {
		return switch (extension) {
			case "pdf" -> startsWith(c, "%PDF-".getBytes(StandardCharsets.US_ASCII));
			case "docx", "pptx", "xlsx" -> startsWith(c, new byte[] { 'P', 'K', 3, 4 });
			case "png" -> startsWith(c, new byte[] { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n' });
			case "jpg", "jpeg" -> startsWith(c, new byte[] { (byte) 0xFF, (byte) 0xD8, (byte) 0xFF });
			case "txt" -> text(c);
			default -> false;
		};
	}

	private static boolean startsWith(byte[] content, byte[] prefix) {
		if (content.length < prefix.length) {
			return false;
		}
		for (int i = 0; i < prefix.length; i++) {
			if (content[i] != prefix[i]) {
				return false;
			}
		}
		return true;
	}

	private static boolean text(byte[] content) {
		for (int i = 0; i < Math.min(content.length, 8192); i++) {
			if (content[i] == 0) {
				return false;
			}
		}
		return true;
	}

}
