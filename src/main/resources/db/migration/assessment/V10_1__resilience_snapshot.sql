-- Resilience Snapshot: battery, drafts, submissions with results, next-step rules, reminders.
CREATE TABLE assessment_battery_step (
  position        INT          NOT NULL PRIMARY KEY,
  instrument_id   VARCHAR(100) NOT NULL,
  follow_up_id    VARCHAR(100),
  follow_up_min   DOUBLE PRECISION,
  optional_step   BOOLEAN      NOT NULL
);
INSERT INTO assessment_battery_step (position, instrument_id, follow_up_id, follow_up_min, optional_step) VALUES
  (1, 'brs', NULL, NULL, FALSE),
  (2, 'who-5', NULL, NULL, FALSE),
  (3, 'burnout-single-item', NULL, NULL, FALSE),
  (4, 'phq-2', 'phq-9', 3, FALSE),
  (5, 'gad-2', 'gad-7', 3, FALSE),
  (6, 'pc-ptsd-5', NULL, NULL, TRUE);

-- One draft per person (identified mode): answers by instrument, and the key of this form instance.
CREATE TABLE assessment_draft (
  person_id       UUID         NOT NULL PRIMARY KEY,
  idempotency_key VARCHAR(64)  NOT NULL,
  answers         VARCHAR(20000) NOT NULL,
  skipped         VARCHAR(1000) NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE assessment_submission (
  id              UUID         NOT NULL PRIMARY KEY,
  person_id       UUID         NOT NULL,
  org_unit_id     UUID,
  submitted_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  key_hash        VARCHAR(64)  NOT NULL,
  payload_hash    VARCHAR(64)  NOT NULL,
  high_risk       BOOLEAN      NOT NULL,
  tier            VARCHAR(16),
  reasons         VARCHAR(500),
  safety_state    VARCHAR(16)  NOT NULL,
  choice_due_at   TIMESTAMP WITH TIME ZONE,
  contact_channel VARCHAR(16),
  contact_time    VARCHAR(16),
  CONSTRAINT assessment_submission_key_uq UNIQUE (key_hash)
);
CREATE INDEX assessment_submission_person_idx ON assessment_submission (person_id, submitted_at);
CREATE INDEX assessment_submission_pending_idx ON assessment_submission (safety_state, choice_due_at);

CREATE TABLE assessment_result (
  submission_id   UUID         NOT NULL REFERENCES assessment_submission (id) ON DELETE CASCADE,
  position        INT          NOT NULL,
  instrument_id   VARCHAR(100) NOT NULL,
  version_id      UUID         NOT NULL,
  score           DOUBLE PRECISION,
  band            VARCHAR(40),
  flags           VARCHAR(200) NOT NULL,
  answers         VARCHAR(4000) NOT NULL,
  PRIMARY KEY (submission_id, instrument_id)
);

-- Tailored next steps an administrator edits: condition -> category + directory slug + fallback text.
CREATE TABLE assessment_next_step_rule (
  id              UUID         NOT NULL PRIMARY KEY,
  position        INT          NOT NULL,
  instrument_id   VARCHAR(100),
  bands           VARCHAR(300),
  flag            VARCHAR(40),
  category        VARCHAR(40)  NOT NULL,
  directory_slug  VARCHAR(120),
  fallback_text   VARCHAR(1000) NOT NULL
);
INSERT INTO assessment_next_step_rule (id, position, instrument_id, bands, flag, category, directory_slug, fallback_text) VALUES
  ('6f1c0a10-0000-4000-8000-000000000001', 1, NULL, NULL, 'SAFETY', 'CRISIS', 'campus-crisis-line',
   'Call or text 988 any time, or call the campus crisis line.'),
  ('6f1c0a10-0000-4000-8000-000000000002', 2, 'phq-9', 'moderate,moderately-severe,severe', NULL, 'COUNSELING', 'resilience-psychologist-consultations',
   'Book a confidential conversation with a resilience psychologist.'),
  ('6f1c0a10-0000-4000-8000-000000000003', 3, 'gad-7', 'moderate,severe', NULL, 'COUNSELING', 'resident-and-fellow-counseling-service',
   'Talk to a counselor about worry and anxiety; it is confidential and free.'),
  ('6f1c0a10-0000-4000-8000-000000000004', 4, 'burnout-single-item', 'burnout', NULL, 'PEER_SUPPORT', 'resident-peer-support-network',
   'A trained peer who knows the work can listen; ask the wellbeing office for a peer supporter.'),
  ('6f1c0a10-0000-4000-8000-000000000005', 5, 'brs', 'low', NULL, 'RESILIENCE_TRAINING', 'four-week-resilience-course',
   'Join a resilience course: small groups, four weeks, practical skills.'),
  ('6f1c0a10-0000-4000-8000-000000000006', 6, 'who-5', 'poor,likely-depression', NULL, 'WELLNESS', 'mindfulness-for-clinicians',
   'Small steps help: sleep, movement and time with people who matter.'),
  ('6f1c0a10-0000-4000-8000-000000000007', 7, 'pc-ptsd-5', 'positive', NULL, 'COUNSELING', 'trauma-focused-therapy',
   'A clinician can talk with you about what happened and about trauma-focused care.');

CREATE TABLE assessment_reminder (
  person_id       UUID         NOT NULL PRIMARY KEY,
  cadence         VARCHAR(16)  NOT NULL,
  last_sent_on    DATE,
  chosen_on       DATE         NOT NULL
);
