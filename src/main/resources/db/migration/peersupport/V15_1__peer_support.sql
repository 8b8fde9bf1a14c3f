-- Peer support network: the roster of trained supporters, requests (self-referral, colleague
-- referral, adverse-event reach-in), the minimal encounter log and group debriefs.
-- People and org units are referred to by id only (no foreign keys across modules).
-- By design there is no free-text column for what was said: every VARCHAR below is a code from a
-- closed list (or the roster's specialty, language and course name), so clinical content has no place to go.
CREATE TABLE peer_supporter (
  person_id      UUID         NOT NULL PRIMARY KEY,
  profession     VARCHAR(24)  NOT NULL,
  specialty      VARCHAR(120),
  site_id        UUID,
  languages      VARCHAR(60)  NOT NULL,
  available      BOOLEAN      NOT NULL DEFAULT TRUE,
  max_load       INTEGER      NOT NULL DEFAULT 3,
  paused_until   DATE,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT peer_supporter_load_ck CHECK (max_load BETWEEN 1 AND 20)
);

CREATE TABLE peer_training (
  id             UUID         NOT NULL PRIMARY KEY,
  supporter_id   UUID         NOT NULL REFERENCES peer_supporter (person_id),
  course         VARCHAR(200) NOT NULL,
  completed_on   DATE         NOT NULL,
  refresher_due  DATE         NOT NULL,
  CONSTRAINT peer_training_dates_ck CHECK (refresher_due > completed_on)
);
CREATE INDEX peer_training_supporter_idx ON peer_training (supporter_id);

-- An adverse event several clinicians may have been involved in: type and date only.
CREATE TABLE peer_event (
  id             UUID         NOT NULL PRIMARY KEY,
  event_type     VARCHAR(24)  NOT NULL,
  event_date     DATE         NOT NULL,
  filed_by       UUID         NOT NULL,
  filed_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE peer_request (
  id                 UUID        NOT NULL PRIMARY KEY,
  kind               VARCHAR(24) NOT NULL,
  person_id          UUID        NOT NULL,
  filed_by           UUID        NOT NULL,
  event_id           UUID        REFERENCES peer_event (id),
  language           VARCHAR(8),
  -- profession and department at filing, for the counts by profession and department
  profession         VARCHAR(24),
  department_id      UUID,
  status             VARCHAR(24) NOT NULL,
  proposed_supporter UUID,
  supporter_id       UUID,
  filed_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  due_at             TIMESTAMP WITH TIME ZONE NOT NULL,
  assigned_at        TIMESTAMP WITH TIME ZONE,
  first_contact_at   TIMESTAMP WITH TIME ZONE,
  escalated_at       TIMESTAMP WITH TIME ZONE,
  closed_at          TIMESTAMP WITH TIME ZONE,
  -- a referral for someone who already has an open request joins it (the referrer is not told either way)
  merged_into        UUID         REFERENCES peer_request (id),
  version            BIGINT      NOT NULL DEFAULT 0
);
CREATE INDEX peer_request_status_idx ON peer_request (status, due_at);
CREATE INDEX peer_request_supporter_idx ON peer_request (supporter_id, status);
CREATE INDEX peer_request_person_idx ON peer_request (person_id, status);
CREATE INDEX peer_request_event_idx ON peer_request (event_id);

-- The minimum a supporter records: no narrative, no diagnosis, nothing clinical.
CREATE TABLE peer_encounter (
  id                    UUID        NOT NULL PRIMARY KEY,
  request_id            UUID        NOT NULL REFERENCES peer_request (id),
  supporter_id          UUID        NOT NULL,
  occurred_on           DATE        NOT NULL,
  duration_band         VARCHAR(16) NOT NULL,
  encounter_type        VARCHAR(16) NOT NULL,
  referred_directory    BOOLEAN     NOT NULL,
  referred_clinician    BOOLEAN     NOT NULL,
  referred_eap          BOOLEAN     NOT NULL,
  recorded_at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX peer_encounter_request_idx ON peer_encounter (request_id);
CREATE INDEX peer_encounter_day_idx ON peer_encounter (occurred_on);

CREATE TABLE peer_group_debrief (
  id             UUID         NOT NULL PRIMARY KEY,
  unit_id        UUID         NOT NULL,
  held_on        DATE         NOT NULL,
  attendance     INTEGER      NOT NULL,
  recorded_by    UUID         NOT NULL,
  recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT peer_group_debrief_attendance_ck CHECK (attendance BETWEEN 1 AND 500)
);

CREATE TABLE peer_debrief_facilitator (
  debrief_id     UUID         NOT NULL REFERENCES peer_group_debrief (id),
  person_id      UUID         NOT NULL,
  PRIMARY KEY (debrief_id, person_id)
);

-- A supporter's own check-ins (how they are doing, whether they want a debrief): theirs alone.
CREATE TABLE peer_supporter_checkin (
  id             UUID         NOT NULL PRIMARY KEY,
  supporter_id   UUID         NOT NULL REFERENCES peer_supporter (person_id),
  checked_on     DATE         NOT NULL,
  wellbeing      SMALLINT     NOT NULL,
  wants_debrief  BOOLEAN      NOT NULL,
  CONSTRAINT peer_checkin_wellbeing_ck CHECK (wellbeing BETWEEN 1 AND 5)
);
CREATE INDEX peer_checkin_supporter_idx ON peer_supporter_checkin (supporter_id, checked_on);
