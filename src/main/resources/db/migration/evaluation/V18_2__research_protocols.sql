-- Registered research protocols (IRB approval) and the researchers who work under each.
CREATE TABLE evaluation_protocol (
  id            UUID          NOT NULL PRIMARY KEY,
  irb_number    VARCHAR(60)   NOT NULL,
  title         VARCHAR(300)  NOT NULL,
  pi_name       VARCHAR(200)  NOT NULL,
  approved_on   DATE          NOT NULL,
  expires_on    DATE          NOT NULL,
  elements      VARCHAR(400)  NOT NULL,
  registered_by UUID          NOT NULL,
  registered_at TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT evaluation_protocol_irb_uk UNIQUE (irb_number),
  CONSTRAINT evaluation_protocol_dates_ck CHECK (expires_on >= approved_on)
);

CREATE TABLE evaluation_protocol_researcher (
  protocol_id UUID NOT NULL REFERENCES evaluation_protocol (id),
  person_id   UUID NOT NULL,
  PRIMARY KEY (protocol_id, person_id)
);
CREATE INDEX evaluation_protocol_researcher_person_idx ON evaluation_protocol_researcher (person_id);
