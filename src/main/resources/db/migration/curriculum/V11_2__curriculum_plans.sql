-- A curriculum plan: for one program (org unit id, no foreign key across modules) and trainee type,
-- one academic year; an ordered sequence of topics by level (PGY1, MS2, nurse residency month 3 ...).
CREATE TABLE curriculum_plan (
  id            UUID        NOT NULL PRIMARY KEY,
  program_id    UUID        NOT NULL,
  trainee_type  VARCHAR(24) NOT NULL,
  academic_year INTEGER     NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT curriculum_plan_uk UNIQUE (program_id, trainee_type, academic_year)
);

CREATE TABLE curriculum_plan_item (
  id        UUID        NOT NULL PRIMARY KEY,
  plan_id   UUID        NOT NULL REFERENCES curriculum_plan (id),
  position  INTEGER     NOT NULL,
  level     VARCHAR(20) NOT NULL,
  topic_id  UUID        NOT NULL REFERENCES curriculum_topic (id)
);
CREATE INDEX curriculum_plan_item_plan_idx ON curriculum_plan_item (plan_id, level, position);
