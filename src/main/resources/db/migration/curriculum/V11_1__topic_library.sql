-- The curriculum's topic library. Lists (objectives, resources) are kept as text lines and sets of
-- codes as comma-separated values: a library holds hundreds of topics, read whole and filtered in memory.
CREATE TABLE curriculum_topic (
  id                UUID          NOT NULL PRIMARY KEY,
  code              VARCHAR(60)   NOT NULL,
  title             VARCHAR(200)  NOT NULL,
  summary           VARCHAR(1000) NOT NULL,
  objectives        VARCHAR(4000) NOT NULL,
  format            VARCHAR(24)   NOT NULL,
  minutes           INTEGER       NOT NULL,
  facilitator_notes VARCHAR(4000),
  resources         VARCHAR(4000),
  competencies      VARCHAR(60)   NOT NULL,
  requirements      VARCHAR(200)  NOT NULL,
  retired           BOOLEAN       NOT NULL DEFAULT FALSE,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by        UUID,
  version           BIGINT        NOT NULL DEFAULT 0,
  CONSTRAINT curriculum_topic_code_uk UNIQUE (code),
  CONSTRAINT curriculum_topic_minutes_ck CHECK (minutes BETWEEN 5 AND 4320)
);
