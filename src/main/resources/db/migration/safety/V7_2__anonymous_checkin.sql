-- Anonymous check-in (ISP-style). No person id, session id, IP, user agent or time finer than a day
-- in any of these tables (I-8); random UUID keys; no foreign key to any identified table (I-12).
CREATE TABLE checkin_account (
  id               UUID         NOT NULL PRIMARY KEY,
  handle_hash      VARCHAR(64)  NOT NULL,
  passphrase_hash  VARCHAR(200) NOT NULL,
  doorbell_sealed  VARCHAR(600),
  created_on       DATE         NOT NULL,
  last_active_on   DATE         NOT NULL,
  CONSTRAINT checkin_account_handle_unique UNIQUE (handle_hash)
);
CREATE INDEX checkin_account_idle_idx ON checkin_account (last_active_on);

-- One screening: scores and tier in the clear for sorting, the answers sealed (SecretBox).
CREATE TABLE checkin_submission (
  id               UUID         NOT NULL PRIMARY KEY,
  account_id       UUID         NOT NULL REFERENCES checkin_account (id) ON DELETE CASCADE,
  alert_id         UUID         NOT NULL,
  key_hash         VARCHAR(64)  NOT NULL,
  submitted_on     DATE         NOT NULL,
  tier             VARCHAR(10)  NOT NULL,
  phq9_total       INT          NOT NULL,
  phq9_item9       INT          NOT NULL,
  gad7_total       INT          NOT NULL,
  pcptsd5_score    INT          NOT NULL,
  burnout_option   INT          NOT NULL,
  reasons          VARCHAR(300) NOT NULL,
  answers_sealed   VARCHAR(4000) NOT NULL,
  CONSTRAINT checkin_submission_key_unique UNIQUE (key_hash)
);
CREATE INDEX checkin_submission_account_idx ON checkin_submission (account_id);

-- The anonymous dialogue; seq orders messages without storing a time of day.
CREATE TABLE checkin_message (
  id           UUID          NOT NULL PRIMARY KEY,
  account_id   UUID          NOT NULL REFERENCES checkin_account (id) ON DELETE CASCADE,
  seq          INT           NOT NULL,
  author       VARCHAR(12)   NOT NULL,
  body_sealed  VARCHAR(24000) NOT NULL,
  sent_on      DATE          NOT NULL,
  CONSTRAINT checkin_message_seq_unique UNIQUE (account_id, seq)
);

-- "Reveal myself": the participant's own, explicit request for an identified consultation.
CREATE TABLE checkin_reveal (
  id              UUID         NOT NULL PRIMARY KEY,
  account_id      UUID         NOT NULL REFERENCES checkin_account (id) ON DELETE CASCADE,
  name_sealed     VARCHAR(1000),
  contact_sealed  VARCHAR(1000),
  person_id       UUID,
  requested_on    DATE         NOT NULL
);
CREATE INDEX checkin_reveal_account_idx ON checkin_reveal (account_id);
