-- Safety alerts: one per source (deterministic id), with an acknowledgement deadline and an escalation ladder.
CREATE TABLE safety_alert (
  id                UUID        NOT NULL PRIMARY KEY,
  source_type       VARCHAR(40) NOT NULL,
  source_id         VARCHAR(80) NOT NULL,
  person_id         UUID,
  checkin_handle_id UUID,
  tier              VARCHAR(10) NOT NULL,
  reasons           VARCHAR(300) NOT NULL,
  status            VARCHAR(16) NOT NULL,
  raised_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  ack_deadline      TIMESTAMP WITH TIME ZONE NOT NULL,
  assigned_to       UUID,
  escalation_level  INT         NOT NULL DEFAULT 0,
  acknowledged_at   TIMESTAMP WITH TIME ZONE,
  acknowledged_by   UUID,
  disposition       VARCHAR(32),
  disposition_risk  VARCHAR(16),
  disposition_at    TIMESTAMP WITH TIME ZONE,
  disposition_by    UUID,
  next_attempt_on   DATE,
  version           BIGINT      NOT NULL DEFAULT 0,
  CONSTRAINT safety_alert_source_unique UNIQUE (source_type, source_id)
);
CREATE INDEX safety_alert_open_idx ON safety_alert (status, ack_deadline);

-- Who answers alerts, in order: position 1 is primary, 2 the backup, and so on.
CREATE TABLE safety_oncall (
  position  INT  NOT NULL PRIMARY KEY,
  person_id UUID NOT NULL
);
