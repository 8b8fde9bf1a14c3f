-- The dialogue between a resilience clinician and the identified person behind an alert
-- (a contact request). Bodies are sealed (SecretBox, context bound to the alert); seq orders them.
CREATE TABLE safety_contact_message (
  id           UUID           NOT NULL PRIMARY KEY,
  alert_id     UUID           NOT NULL REFERENCES safety_alert (id) ON DELETE CASCADE,
  seq          INT            NOT NULL,
  author       VARCHAR(12)    NOT NULL,
  author_id    UUID           NOT NULL,
  body_sealed  VARCHAR(24000) NOT NULL,
  sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT safety_contact_message_seq_unique UNIQUE (alert_id, seq)
);
