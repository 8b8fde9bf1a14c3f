-- Survey campaigns, waves, responses (identified and anonymous), participation ledger, drafts, idempotency.
CREATE TABLE survey_campaign (
  id                    UUID         NOT NULL PRIMARY KEY,
  title                 VARCHAR(200) NOT NULL,
  questionnaire_id      VARCHAR(100) NOT NULL,
  questionnaire_version VARCHAR(40)  NOT NULL,
  privacy_mode          VARCHAR(32)  NOT NULL,
  status                VARCHAR(16)  NOT NULL,
  min_respondents       INT          NOT NULL,
  min_comments          INT          NOT NULL,
  launched_on           DATE,
  created_by            UUID         NOT NULL
);
CREATE TABLE survey_roster (
  campaign_id UUID NOT NULL REFERENCES survey_campaign (id),
  person_id   UUID NOT NULL,
  org_unit_id UUID,
  PRIMARY KEY (campaign_id, person_id)
);
CREATE TABLE survey_wave (
  id          UUID        NOT NULL PRIMARY KEY,
  campaign_id UUID        NOT NULL REFERENCES survey_campaign (id),
  label       VARCHAR(80) NOT NULL,
  opens_on    DATE        NOT NULL,
  closes_on   DATE        NOT NULL
);
CREATE INDEX survey_wave_campaign_idx ON survey_wave (campaign_id);
-- Participation ledger: only "person P completed wave W". No time, no link to the response.
CREATE TABLE survey_participation (
  wave_id   UUID NOT NULL,
  person_id UUID NOT NULL,
  PRIMARY KEY (wave_id, person_id)
);
-- Anonymous responses: no person, session, IP, agent or fine time; coarse context only (I-12).
CREATE TABLE survey_response_anon (
  id           UUID          NOT NULL PRIMARY KEY,
  wave_id      UUID          NOT NULL,
  submitted_on DATE          NOT NULL,
  hospital     VARCHAR(80),
  rotation     VARCHAR(80),
  pgy_band     VARCHAR(16),
  answers      VARCHAR(8000) NOT NULL,
  score        DECIMAL(10,3),
  band         VARCHAR(40),
  flags        VARCHAR(200)
);
CREATE INDEX survey_response_anon_wave_idx ON survey_response_anon (wave_id);
CREATE TABLE survey_response_identified (
  id           UUID          NOT NULL PRIMARY KEY,
  wave_id      UUID          NOT NULL REFERENCES survey_wave (id),
  person_id    UUID          NOT NULL,
  submitted_at TIMESTAMP WITH TIME ZONE NOT NULL,
  answers      VARCHAR(8000) NOT NULL,
  score        DECIMAL(10,3),
  band         VARCHAR(40),
  flags        VARCHAR(200)
);
CREATE INDEX survey_response_identified_wave_idx ON survey_response_identified (wave_id, person_id);
CREATE TABLE survey_draft (
  wave_id    UUID          NOT NULL,
  person_id  UUID          NOT NULL,
  answers    VARCHAR(8000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (wave_id, person_id)
);
-- Idempotency: key_hash = SHA-256(wave|person|key); keeps a receipt code, never the response id.
CREATE TABLE survey_idempotency (
  key_hash     VARCHAR(64) NOT NULL PRIMARY KEY,
  payload_hash VARCHAR(64) NOT NULL,
  state        VARCHAR(16) NOT NULL,
  receipt      VARCHAR(64),
  created_on   DATE        NOT NULL
);
