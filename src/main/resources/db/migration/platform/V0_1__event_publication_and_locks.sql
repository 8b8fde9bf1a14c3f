-- Spring Modulith event publication registry (transactional outbox), schema v2, portable H2/PostgreSQL.
CREATE TABLE event_publication (
  id                     UUID NOT NULL PRIMARY KEY,
  listener_id            VARCHAR(512) NOT NULL,
  event_type             VARCHAR(512) NOT NULL,
  serialized_event       VARCHAR(100000) NOT NULL,
  publication_date       TIMESTAMP WITH TIME ZONE NOT NULL,
  completion_date        TIMESTAMP WITH TIME ZONE,
  status                 VARCHAR(20),
  completion_attempts    INT,
  last_resubmission_date TIMESTAMP WITH TIME ZONE
);
CREATE INDEX event_publication_by_completion_date_idx ON event_publication (completion_date);
CREATE INDEX event_publication_by_listener_idx ON event_publication (listener_id, completion_date);

-- ShedLock: scheduled jobs run on one node at a time.
CREATE TABLE shedlock (
  name       VARCHAR(64)  NOT NULL PRIMARY KEY,
  lock_until TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  locked_by  VARCHAR(255) NOT NULL
);
