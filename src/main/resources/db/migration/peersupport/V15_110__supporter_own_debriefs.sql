-- A peer supporter's own debriefs (issue #14, "Supporters' own debriefs and well-being check-ins"):
-- when, with whom (a resilience clinician or a coordinator, optionally named) and whether it took
-- place. Nothing of what was said: there is no free-text column. Read by the supporter and the
-- coordinators only; nothing here reaches evaluation or any report.
CREATE TABLE peer_supporter_debrief (
  id             UUID         NOT NULL PRIMARY KEY,
  supporter_id   UUID         NOT NULL REFERENCES peer_supporter (person_id),
  held_on        DATE         NOT NULL,
  with_role      VARCHAR(24)  NOT NULL,
  with_person    UUID,
  outcome        VARCHAR(16)  NOT NULL,
  recorded_by    UUID         NOT NULL,
  recorded_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT peer_supporter_debrief_with_ck CHECK (with_role IN ('RESILIENCE_CLINICIAN', 'COORDINATOR')),
  CONSTRAINT peer_supporter_debrief_outcome_ck CHECK (outcome IN ('SCHEDULED', 'DONE', 'NOT_DONE'))
);
CREATE INDEX peer_supporter_debrief_supporter_idx ON peer_supporter_debrief (supporter_id, held_on);
