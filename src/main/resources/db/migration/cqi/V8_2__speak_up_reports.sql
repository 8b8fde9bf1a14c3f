-- Always-open "speak up" channel for systemic problems and mistreatment. A report row holds no
-- person, session, IP, user agent or time finer than a day (I-8); ids are random UUIDs.
CREATE TABLE cqi_report (
  id              UUID          NOT NULL PRIMARY KEY,
  channel         VARCHAR(16)   NOT NULL,
  privacy_mode    VARCHAR(16)   NOT NULL,
  hospital_id     UUID,
  setting         VARCHAR(120),
  category        VARCHAR(32)   NOT NULL,
  body            VARCHAR(10000) NOT NULL,
  submitted_on    DATE          NOT NULL,
  reviewable_from DATE          NOT NULL,
  status          VARCHAR(16)   NOT NULL,
  redacted_text   VARCHAR(10000),
  released_on     DATE,
  reply_code_hash VARCHAR(64)   UNIQUE
);
CREATE INDEX cqi_report_review_idx ON cqi_report (channel, status, reviewable_from);

-- Messages between the reviewer and the reporter (who reads them with the one-time reply code).
CREATE TABLE cqi_report_message (
  id        UUID          NOT NULL PRIMARY KEY,
  report_id UUID          NOT NULL REFERENCES cqi_report (id),
  author    VARCHAR(16)   NOT NULL,
  body      VARCHAR(4000) NOT NULL,
  sent_on   DATE          NOT NULL
);
CREATE INDEX cqi_report_message_idx ON cqi_report_message (report_id);

-- For confidential reports only: who the reporter is, visible to the designated officer alone.
CREATE TABLE cqi_report_identity (
  report_id UUID NOT NULL PRIMARY KEY REFERENCES cqi_report (id),
  person_id UUID NOT NULL
);

-- Idempotency of anonymous submissions: a hash of the key and of the payload, nothing else;
-- purged after expiry so it never becomes a linkage table.
CREATE TABLE cqi_report_idempotency (
  key_hash     VARCHAR(64) NOT NULL PRIMARY KEY,
  payload_hash VARCHAR(64) NOT NULL,
  report_id    UUID        NOT NULL,
  expires_on   DATE        NOT NULL
);
