-- Needs analysis: the rotation catalogue, the block schedule, the end-of-rotation campaigns the
-- module sent, the stressor scores of their (anonymous) responses, and the tips for rotation guides.
-- Person ids are identity's ids; campaign ids are survey's; no foreign keys across modules.
CREATE TABLE needs_rotation (
  id            UUID          NOT NULL PRIMARY KEY,
  name          VARCHAR(120)  NOT NULL,
  hospital_code VARCHAR(40)   NOT NULL,
  specialty     VARCHAR(80)   NOT NULL,
  setting       VARCHAR(20)   NOT NULL,
  contacts      VARCHAR(1000),
  CONSTRAINT needs_rotation_name_site UNIQUE (name, hospital_code)
);
CREATE TABLE needs_guide_link (
  id          UUID          NOT NULL PRIMARY KEY,
  rotation_id UUID          NOT NULL REFERENCES needs_rotation (id),
  label       VARCHAR(160)  NOT NULL,
  href        VARCHAR(400)  NOT NULL
);
CREATE INDEX needs_guide_link_rotation_idx ON needs_guide_link (rotation_id);
CREATE TABLE needs_block (
  id          UUID          NOT NULL PRIMARY KEY,
  person_id   UUID          NOT NULL,
  rotation_id UUID          NOT NULL REFERENCES needs_rotation (id),
  service     VARCHAR(120),
  starts_on   DATE          NOT NULL,
  ends_on     DATE          NOT NULL,
  campaign_id UUID,
  created_by  UUID          NOT NULL,
  CONSTRAINT needs_block_dates CHECK (ends_on >= starts_on)
);
CREATE INDEX needs_block_person_idx ON needs_block (person_id, starts_on);
CREATE INDEX needs_block_end_idx ON needs_block (ends_on, campaign_id);
CREATE INDEX needs_block_campaign_idx ON needs_block (campaign_id);
CREATE TABLE needs_campaign (
  campaign_id   UUID    NOT NULL PRIMARY KEY,
  academic_year INTEGER NOT NULL,
  sent_on       DATE    NOT NULL,
  closes_on     DATE    NOT NULL
);
-- One row per anonymous response, carrying only what the survey row carries (the coarsened
-- attributes the schedule attached) and the stressor scores derived from its answers.
CREATE TABLE needs_response (
  id            UUID          NOT NULL PRIMARY KEY,
  campaign_id   UUID          NOT NULL,
  academic_year INTEGER       NOT NULL,
  closes_on     DATE          NOT NULL,
  rotation_id   UUID,
  specialty     VARCHAR(80),
  hospital_code VARCHAR(40),
  workload      DECIMAL(6,2),
  sleep         DECIMAL(6,2),
  autonomy      DECIMAL(6,2),
  team          DECIMAL(6,2),
  mistreatment  DECIMAL(6,2),
  adverse       DECIMAL(6,2),
  ehr           DECIMAL(6,2),
  home          DECIMAL(6,2),
  burnout       DECIMAL(6,2),
  wellbeing     DECIMAL(6,2)
);
CREATE INDEX needs_response_year_idx ON needs_response (academic_year, closes_on);
CREATE TABLE needs_tip (
  id             UUID          NOT NULL PRIMARY KEY,
  academic_year  INTEGER       NOT NULL,
  closes_on      DATE          NOT NULL,
  rotation_id    UUID          NOT NULL,
  original       VARCHAR(2000) NOT NULL,
  status         VARCHAR(16)   NOT NULL,
  published_text VARCHAR(2000),
  reviewed_by    UUID,
  reviewed_on    DATE
);
CREATE INDEX needs_tip_rotation_idx ON needs_tip (rotation_id, status);
