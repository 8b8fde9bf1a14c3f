-- Anonymous feedback after mentoring group meetings, through the survey engine: one anonymous
-- one-wave campaign per held meeting (mentoring_feedback_wave), and a copy of each readable
-- anonymous answer with only the group the sender attached (mentoring_feedback). No person, no
-- meeting, no time finer than the survey's batch day: the leader and the program see the answers
-- only pooled (across meetings, and across the cohort's groups when one group is still too small)
-- through the disclosure gate.
CREATE TABLE mentoring_feedback_wave (
  meeting_id  UUID    NOT NULL PRIMARY KEY REFERENCES mentoring_meeting (id),
  group_id    UUID    NOT NULL REFERENCES mentoring_group (id),
  campaign_id UUID    NOT NULL,
  wave_id     UUID    NOT NULL,
  invited     INTEGER NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT mentoring_feedback_wave_campaign_uq UNIQUE (campaign_id)
);

CREATE TABLE mentoring_feedback (
  response_id UUID     NOT NULL PRIMARY KEY,
  group_id    UUID     NOT NULL REFERENCES mentoring_group (id),
  cohort_id   UUID     NOT NULL REFERENCES mentoring_cohort (id),
  answered_on DATE     NOT NULL,
  useful      SMALLINT NOT NULL,
  safe        SMALLINT NOT NULL,
  recommend   SMALLINT NOT NULL,
  -- the respondent's optional comment; shown only through the gate's comment threshold (10)
  comment     VARCHAR(600),
  CONSTRAINT mentoring_feedback_range_ck CHECK (useful BETWEEN 1 AND 5 AND safe BETWEEN 1 AND 5
    AND recommend BETWEEN 1 AND 5)
);
CREATE INDEX mentoring_feedback_cohort_idx ON mentoring_feedback (cohort_id, group_id);
