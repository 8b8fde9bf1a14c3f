-- Evidence on a register item, kept apart from the anonymous reports (I-12: no report id here).
-- A count is only a definition (hospital, category, quarter); the figure is computed at view time
-- through the disclosure gate, so it is never shown for fewer than 5 reports.
CREATE TABLE cqi_evidence_count (
  id            UUID        NOT NULL PRIMARY KEY,
  item_id       UUID        NOT NULL REFERENCES cqi_item (id),
  hospital_id   UUID        NOT NULL,
  category      VARCHAR(32) NOT NULL,
  quarter_start DATE        NOT NULL
);
CREATE INDEX cqi_evidence_count_item_idx ON cqi_evidence_count (item_id);

-- A redacted quote: DRAFT until a CQI reviewer releases it; leadership sees RELEASED quotes only,
-- undated and shuffled, and only where the item's evidence group holds at least 10 reports.
CREATE TABLE cqi_evidence_quote (
  id      UUID          NOT NULL PRIMARY KEY,
  item_id UUID          NOT NULL REFERENCES cqi_item (id),
  body    VARCHAR(2000) NOT NULL,
  status  VARCHAR(16)   NOT NULL
);
CREATE INDEX cqi_evidence_quote_item_idx ON cqi_evidence_quote (item_id, status);

-- The later measurement an implemented change is checked against: a survey wave reference or a
-- figure entered by hand, both already released (through the gate) when they are recorded.
CREATE TABLE cqi_remeasurement (
  id          UUID         NOT NULL PRIMARY KEY,
  item_id     UUID         NOT NULL REFERENCES cqi_item (id),
  wave_id     UUID,
  label       VARCHAR(200) NOT NULL,
  before_text VARCHAR(500),
  after_text  VARCHAR(500) NOT NULL,
  recorded_on DATE         NOT NULL
);
CREATE INDEX cqi_remeasurement_item_idx ON cqi_remeasurement (item_id);

-- The per-hospital report counts reports by hospital, quarter, category and review batch.
CREATE INDEX cqi_report_hospital_idx ON cqi_report (hospital_id, submitted_on, category, reviewable_from);
