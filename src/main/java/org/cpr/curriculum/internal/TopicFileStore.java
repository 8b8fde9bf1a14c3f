package org.cpr.curriculum.internal;

import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.curriculum.TopicFile;
import org.cpr.curriculum.TopicId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Topic files: the list without content, and one file's bytes on demand. */
@Repository
class TopicFileStore {

	private final JdbcClient jdbc;

	TopicFileStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(TopicFile file, byte[] content, PersonId by) {
		jdbc.sql(
				"INSERT INTO curriculum_topic_file (id, topic_id, filename, media_type, size_bytes, content, uploaded_by, uploaded_at) "
						+ "VALUES (?,?,?,?,?,?,?,?)")
			.params(file.id(), file.topic().value(), file.filename(), file.mediaType(), file.sizeBytes(), content,
					by == null ? null : by.value(), Timestamp.from(file.uploadedAt()))
			.update();
	}

	public List<TopicFile> of(TopicId topic) {
		return jdbc
			.sql("SELECT id, topic_id, filename, media_type, size_bytes, uploaded_at FROM curriculum_topic_file "
					+ "WHERE topic_id = ? ORDER BY uploaded_at, filename")
			.param(topic.value())
			.query((rs, n) -> new TopicFile(rs.getObject(1, UUID.class), new TopicId(rs.getObject(2, UUID.class)),
					rs.getString(3), rs.getString(4), rs.getInt(5), rs.getTimestamp(6).toInstant()))
			.list();
	}

	public Optional<byte[]> content(TopicId topic, UUID file) {
		return jdbc.sql("SELECT content FROM curriculum_topic_file WHERE id = ? AND topic_id = ?")
			.params(file, topic.value())
			.query((rs, n) -> rs.getBytes(1))
			.optional();
	}

	public boolean delete(TopicId topic, UUID file) {
		return jdbc.sql("DELETE FROM curriculum_topic_file WHERE id = ? AND topic_id = ?")
			.params(file, topic.value())
			.update() > 0;
	}

	public int count(TopicId topic) {
		return jdbc.sql("SELECT COUNT(*) FROM curriculum_topic_file WHERE topic_id = ?")
			.param(topic.value())
			.query(Integer.class)
			.single();
	}

}
