-- Individual assistance: clinicians' availability, appointments, the waiting list, episodes of care with
-- envelope-encrypted notes, measures, referrals, break-the-glass grants, alert follow-ups and accepted
-- pathway steps. People, services and alerts of other modules are referred to by id only.

-- A bookable slot. Booking flips status OPEN -> BOOKED with a guarded UPDATE, so one slot has one booking.
CREATE TABLE assist_slot (
  id           UUID        NOT NULL PRIMARY KEY,
  clinician_id UUID        NOT NULL,
  starts_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  time_zone    VARCHAR(64) NOT NULL,
  modality     VARCHAR(16) NOT NULL,
  after_hours  BOOLEAN     NOT NULL,
  weekend      BOOLEAN     NOT NULL,
  series_id    UUID,
  status       VARCHAR(16) NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT assist_slot_times_ck CHECK (ends_at > starts_at),
  CONSTRAINT assist_slot_status_ck CHECK (status IN ('OPEN', 'BOOKED', 'WITHDRAWN'))
);
CREATE INDEX assist_slot_search_idx ON assist_slot (status, starts_at);
CREATE INDEX assist_slot_clinician_idx ON assist_slot (clinician_id, starts_at);

-- An episode of care per person. data_key is the episode's own AES key, wrapped by the key-encryption key.
CREATE TABLE assist_episode (
  id             UUID         NOT NULL PRIMARY KEY,
  person_id      UUID         NOT NULL,
  status         VARCHAR(16)  NOT NULL,
  source         VARCHAR(16)  NOT NULL,
  alert_id       UUID,
  requested_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  opened_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  opened_by      UUID,
  closed_at      TIMESTAMP WITH TIME ZONE,
  closure_reason VARCHAR(32),
  data_key       VARCHAR(200) NOT NULL,
  CONSTRAINT assist_episode_status_ck CHECK (status IN ('OPEN', 'CLOSED'))
);
CREATE INDEX assist_episode_person_idx ON assist_episode (person_id, status);
CREATE INDEX assist_episode_closed_idx ON assist_episode (status, closed_at);

CREATE TABLE assist_care_team (
  episode_id   UUID NOT NULL REFERENCES assist_episode (id),
  clinician_id UUID NOT NULL,
  PRIMARY KEY (episode_id, clinician_id)
);
CREATE INDEX assist_care_team_clinician_idx ON assist_care_team (clinician_id);

-- An appointment keeps its own copy of the time, so a withdrawn slot never changes a booked appointment.
-- reason is optional, sealed with the key-encryption key; no diagnosis code is asked for.
CREATE TABLE assist_appointment (
  id             UUID        NOT NULL PRIMARY KEY,
  slot_id        UUID        NOT NULL REFERENCES assist_slot (id),
  episode_id     UUID        NOT NULL REFERENCES assist_episode (id),
  person_id      UUID        NOT NULL,
  clinician_id   UUID        NOT NULL,
  starts_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  ends_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  time_zone      VARCHAR(64) NOT NULL,
  modality       VARCHAR(16) NOT NULL,
  reason         VARCHAR(2000),
  status         VARCHAR(16) NOT NULL,
  source         VARCHAR(16) NOT NULL,
  booked_by      UUID        NOT NULL,
  booked_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  cancelled_at   TIMESTAMP WITH TIME ZONE,
  cancelled_by   UUID,
  ical_sequence  INTEGER     NOT NULL DEFAULT 0,
  reminded       BOOLEAN     NOT NULL DEFAULT FALSE,
  CONSTRAINT assist_appointment_status_ck CHECK (status IN ('BOOKED', 'CANCELLED'))
);
CREATE INDEX assist_appointment_person_idx ON assist_appointment (person_id, starts_at);
CREATE INDEX assist_appointment_clinician_idx ON assist_appointment (clinician_id, starts_at);
CREATE INDEX assist_appointment_episode_idx ON assist_appointment (episode_id);
CREATE INDEX assist_appointment_remind_idx ON assist_appointment (status, reminded, starts_at);

CREATE TABLE assist_waitlist (
  id           UUID        NOT NULL PRIMARY KEY,
  person_id    UUID        NOT NULL,
  modality     VARCHAR(16),
  status       VARCHAR(16) NOT NULL,
  requested_at TIMESTAMP WITH TIME ZONE NOT NULL,
  resolved_at  TIMESTAMP WITH TIME ZONE,
  CONSTRAINT assist_waitlist_status_ck CHECK (status IN ('WAITING', 'BOOKED', 'WITHDRAWN'))
);
CREATE INDEX assist_waitlist_status_idx ON assist_waitlist (status, requested_at);
CREATE INDEX assist_waitlist_person_idx ON assist_waitlist (person_id, status);

-- Notes: body sealed with the episode's data key (AES-256-GCM, associated data = note id).
CREATE TABLE assist_note (
  id         UUID          NOT NULL PRIMARY KEY,
  episode_id UUID          NOT NULL REFERENCES assist_episode (id),
  author_id  UUID          NOT NULL,
  written_at TIMESTAMP WITH TIME ZONE NOT NULL,
  body       VARCHAR(40000) NOT NULL
);
CREATE INDEX assist_note_episode_idx ON assist_note (episode_id, written_at);

-- Questionnaire answers (intake and measures over time): answers sealed with the episode's data key.
CREATE TABLE assist_measure (
  id             UUID          NOT NULL PRIMARY KEY,
  episode_id     UUID          NOT NULL REFERENCES assist_episode (id),
  version_id     UUID          NOT NULL,
  instrument_id  VARCHAR(64)   NOT NULL,
  version_number INTEGER       NOT NULL,
  answers        VARCHAR(20000) NOT NULL,
  score          DOUBLE PRECISION,
  band           VARCHAR(64),
  flagged        BOOLEAN       NOT NULL,
  taken_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  entered_by     UUID          NOT NULL
);
CREATE INDEX assist_measure_episode_idx ON assist_measure (episode_id, taken_at);

CREATE TABLE assist_referral (
  id           UUID          NOT NULL PRIMARY KEY,
  episode_id   UUID          NOT NULL REFERENCES assist_episode (id),
  person_id    UUID          NOT NULL,
  service_id   UUID          NOT NULL,
  handoff      VARCHAR(8000) NOT NULL,
  consent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  status       VARCHAR(24)   NOT NULL,
  follow_up_on DATE          NOT NULL,
  reminded     BOOLEAN       NOT NULL DEFAULT FALSE,
  created_by   UUID          NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT assist_referral_status_ck CHECK (status IN ('REFERRED', 'CONTACTED', 'FIRST_APPOINTMENT', 'CLOSED', 'NOT_TAKEN_UP'))
);
CREATE INDEX assist_referral_episode_idx ON assist_referral (episode_id);
CREATE INDEX assist_referral_follow_idx ON assist_referral (reminded, follow_up_on);

-- Break the glass: a time-limited grant to a clinician outside the care team; reason sealed.
CREATE TABLE assist_glass_break (
  id           UUID          NOT NULL PRIMARY KEY,
  episode_id   UUID          NOT NULL REFERENCES assist_episode (id),
  clinician_id UUID          NOT NULL,
  reason       VARCHAR(4000) NOT NULL,
  granted_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX assist_glass_break_idx ON assist_glass_break (episode_id, clinician_id, expires_at);

-- Pathway steps a clinician accepted for an episode (the pathways themselves are data in the jar).
CREATE TABLE assist_step (
  id          UUID        NOT NULL PRIMARY KEY,
  episode_id  UUID        NOT NULL REFERENCES assist_episode (id),
  pathway     VARCHAR(32) NOT NULL,
  step        VARCHAR(64) NOT NULL,
  accepted_by UUID        NOT NULL,
  accepted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT assist_step_uk UNIQUE (episode_id, pathway, step)
);

-- Safety alerts waiting for a clinician's follow-up here: the alert id and tier only, never its content.
CREATE TABLE assist_alert_followup (
  alert_id    UUID        NOT NULL PRIMARY KEY,
  tier        VARCHAR(16) NOT NULL,
  received_at TIMESTAMP WITH TIME ZONE NOT NULL,
  episode_id  UUID
);
