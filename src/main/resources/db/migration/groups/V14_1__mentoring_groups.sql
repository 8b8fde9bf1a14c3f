-- Small confidential mentoring groups: cohorts, groups with leaders and members, recurring meetings,
-- attendance, the coordinator's conflict list and leaders' referrals. People, org units and curriculum
-- topics are referred to by id only (no foreign keys across modules). There is deliberately no column
-- for notes about a member: leaders keep no clinical notes.
CREATE TABLE mentoring_cohort (
  id             UUID          NOT NULL PRIMARY KEY,
  name           VARCHAR(200)  NOT NULL,
  program_id     UUID,
  trainee_type   VARCHAR(24),
  training_level VARCHAR(20),
  created_by     UUID,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE mentoring_cohort_member (
  cohort_id UUID NOT NULL REFERENCES mentoring_cohort (id),
  person_id UUID NOT NULL,
  PRIMARY KEY (cohort_id, person_id)
);

CREATE TABLE mentoring_group (
  id          UUID          NOT NULL PRIMARY KEY,
  cohort_id   UUID          NOT NULL REFERENCES mentoring_cohort (id),
  name        VARCHAR(100)  NOT NULL,
  -- why the group is outside the configured size range (required then, null otherwise)
  size_reason VARCHAR(500),
  -- feedback is shown only from this many answers (never below 5)
  min_respondents INTEGER   NOT NULL DEFAULT 5,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT mentoring_group_threshold_ck CHECK (min_respondents >= 5)
);
CREATE INDEX mentoring_group_cohort_idx ON mentoring_group (cohort_id);

CREATE TABLE mentoring_group_leader (
  group_id  UUID NOT NULL REFERENCES mentoring_group (id),
  person_id UUID NOT NULL,
  PRIMARY KEY (group_id, person_id)
);
CREATE INDEX mentoring_group_leader_person_idx ON mentoring_group_leader (person_id);

CREATE TABLE mentoring_group_member (
  group_id     UUID         NOT NULL REFERENCES mentoring_group (id),
  cohort_id    UUID         NOT NULL REFERENCES mentoring_cohort (id),
  person_id    UUID         NOT NULL,
  -- why the person sits here: a code with numbers, rendered from the message bundle
  placement    VARCHAR(300) NOT NULL,
  agreement_accepted_at TIMESTAMP WITH TIME ZONE,
  PRIMARY KEY (group_id, person_id),
  CONSTRAINT mentoring_member_one_group_uq UNIQUE (cohort_id, person_id)
);
CREATE INDEX mentoring_group_member_person_idx ON mentoring_group_member (person_id);

-- Attendings who evaluate a trainee (identity has no evaluator relation): never that trainee's group leader.
CREATE TABLE mentoring_conflict (
  member_id  UUID        NOT NULL,
  leader_id  UUID        NOT NULL,
  added_by   UUID,
  added_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (member_id, leader_id)
);

CREATE TABLE mentoring_meeting (
  id            UUID         NOT NULL PRIMARY KEY,
  group_id      UUID         NOT NULL REFERENCES mentoring_group (id),
  starts_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  time_zone     VARCHAR(64)  NOT NULL,
  place         VARCHAR(300),
  topic_id      UUID,
  cancelled     BOOLEAN      NOT NULL DEFAULT FALSE,
  ical_sequence INTEGER      NOT NULL DEFAULT 0,
  CONSTRAINT mentoring_meeting_order_ck CHECK (ends_at > starts_at)
);
CREATE INDEX mentoring_meeting_group_idx ON mentoring_meeting (group_id, starts_at);

CREATE TABLE mentoring_attendance (
  id         UUID NOT NULL PRIMARY KEY,
  meeting_id UUID NOT NULL REFERENCES mentoring_meeting (id),
  person_id  UUID NOT NULL,
  CONSTRAINT mentoring_attendance_uq UNIQUE (meeting_id, person_id)
);
CREATE INDEX mentoring_attendance_person_idx ON mentoring_attendance (person_id);

-- A leader's referral to a resilience clinician: who, on which basis; the content lives in the safety alert.
CREATE TABLE mentoring_referral (
  id         UUID         NOT NULL PRIMARY KEY,
  group_id   UUID         NOT NULL REFERENCES mentoring_group (id),
  leader_id  UUID         NOT NULL,
  member_id  UUID         NOT NULL,
  basis      VARCHAR(24)  NOT NULL,
  alert_id   UUID         NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
