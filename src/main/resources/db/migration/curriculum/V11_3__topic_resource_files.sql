-- Files attached to a topic (handouts, slides): kept in the database so every node serves them and
-- backups include them; size and type are checked before anything is stored.
CREATE TABLE curriculum_topic_file (
  id           UUID         NOT NULL PRIMARY KEY,
  topic_id     UUID         NOT NULL REFERENCES curriculum_topic (id),
  filename     VARCHAR(120) NOT NULL,
  media_type   VARCHAR(100) NOT NULL,
  size_bytes   INTEGER      NOT NULL,
  content      BYTEA        NOT NULL,
  uploaded_by  UUID,
  uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT curriculum_topic_file_size_ck CHECK (size_bytes > 0)
);
CREATE INDEX curriculum_topic_file_topic_idx ON curriculum_topic_file (topic_id, uploaded_at);
