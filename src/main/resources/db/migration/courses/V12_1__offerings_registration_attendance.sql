-- Offerings (talks, workshops, retreats, conferences, courses), their sessions, registrations and attendance.
-- Curriculum topics, people and org units are referred to by id only (no foreign keys across modules).
CREATE TABLE course_offering (
  id                  UUID          NOT NULL PRIMARY KEY,
  title               VARCHAR(200)  NOT NULL,
  kind                VARCHAR(24)   NOT NULL,
  description         VARCHAR(4000) NOT NULL,
  topic_ids           VARCHAR(2000),
  audience_types      VARCHAR(200),
  audience_programs   VARCHAR(2000),
  audience_roles      VARCHAR(300),
  prerequisites       VARCHAR(1000),
  protected_time_note VARCHAR(1000),
  visibility          VARCHAR(24)   NOT NULL,
  public_listing      BOOLEAN       NOT NULL,
  cancel_cutoff_hours INTEGER       NOT NULL,
  -- the seat counter: every registration change of an offering locks this row first
  capacity            INTEGER       NOT NULL,
  seats_taken         INTEGER       NOT NULL DEFAULT 0,
  arrivals            BIGINT        NOT NULL DEFAULT 0,
  status              VARCHAR(16)   NOT NULL,
  created_by          UUID,
  created_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at          TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT course_offering_capacity_ck CHECK (capacity >= 1),
  CONSTRAINT course_offering_seats_ck CHECK (seats_taken >= 0 AND seats_taken <= capacity),
  CONSTRAINT course_offering_cutoff_ck CHECK (cancel_cutoff_hours BETWEEN 0 AND 720)
);
CREATE INDEX course_offering_kind_idx ON course_offering (status, kind);

CREATE TABLE course_facilitator (
  offering_id UUID NOT NULL REFERENCES course_offering (id),
  person_id   UUID NOT NULL,
  PRIMARY KEY (offering_id, person_id)
);
CREATE INDEX course_facilitator_person_idx ON course_facilitator (person_id);

CREATE TABLE course_session (
  id             UUID         NOT NULL PRIMARY KEY,
  offering_id    UUID         NOT NULL REFERENCES course_offering (id),
  starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  time_zone      VARCHAR(64)  NOT NULL,
  place          VARCHAR(300),
  online_link    VARCHAR(500),
  capacity       INTEGER      NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  ical_sequence  INTEGER      NOT NULL DEFAULT 0,
  checkin_secret VARCHAR(64)  NOT NULL,
  reminded       BOOLEAN      NOT NULL DEFAULT FALSE,
  CONSTRAINT course_session_times_ck CHECK (ends_at > starts_at),
  CONSTRAINT course_session_capacity_ck CHECK (capacity >= 1)
);
CREATE INDEX course_session_offering_idx ON course_session (offering_id, starts_at);
CREATE INDEX course_session_starts_idx ON course_session (starts_at);

CREATE TABLE course_registration (
  id            UUID        NOT NULL PRIMARY KEY,
  offering_id   UUID        NOT NULL REFERENCES course_offering (id),
  person_id     UUID        NOT NULL,
  status        VARCHAR(16) NOT NULL,
  -- arrival order: assigned under the offering's row lock, so it is the order seats were decided in
  arrival       BIGINT      NOT NULL,
  requested_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  seated_at     TIMESTAMP WITH TIME ZONE,
  cancelled_at  TIMESTAMP WITH TIME ZONE,
  registered_by UUID,
  CONSTRAINT course_registration_person_uk UNIQUE (offering_id, person_id)
);
CREATE INDEX course_registration_order_idx ON course_registration (offering_id, status, arrival);
CREATE INDEX course_registration_person_idx ON course_registration (person_id, status);

-- Attendance keeps nothing beyond person, session, time and method.
CREATE TABLE course_attendance (
  id            UUID        NOT NULL PRIMARY KEY,
  session_id    UUID        NOT NULL REFERENCES course_session (id),
  person_id     UUID        NOT NULL,
  checked_in_at TIMESTAMP WITH TIME ZONE NOT NULL,
  method        VARCHAR(12) NOT NULL,
  CONSTRAINT course_attendance_uk UNIQUE (session_id, person_id)
);
CREATE INDEX course_attendance_person_idx ON course_attendance (person_id);
