-- The CQI improvement register: problems raised by trainees, turned into tracked change.
CREATE TABLE cqi_item (
  id                UUID          NOT NULL PRIMARY KEY,
  title             VARCHAR(200)  NOT NULL,
  problem_statement VARCHAR(4000) NOT NULL,
  hospital_id       UUID,
  unit_name         VARCHAR(120),
  rotation_name     VARCHAR(120),
  category          VARCHAR(32)   NOT NULL,
  status            VARCHAR(32)   NOT NULL,
  decision_reason   VARCHAR(2000),
  owner_id          UUID,
  due_on            DATE,
  you_said          VARCHAR(1000),
  we_did            VARCHAR(2000),
  published         BOOLEAN       NOT NULL DEFAULT FALSE,
  created_by        UUID          NOT NULL,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  closed_at         TIMESTAMP WITH TIME ZONE,
  version           BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX cqi_item_status_idx ON cqi_item (status, due_on);
CREATE INDEX cqi_item_hospital_idx ON cqi_item (hospital_id);

CREATE TABLE cqi_solution (
  id          UUID          NOT NULL PRIMARY KEY,
  item_id     UUID          NOT NULL REFERENCES cqi_item (id),
  description VARCHAR(2000) NOT NULL,
  proposed_by UUID          NOT NULL,
  proposed_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cqi_solution_item_idx ON cqi_solution (item_id);

CREATE TABLE cqi_presentation (
  id              UUID          NOT NULL PRIMARY KEY,
  item_id         UUID          NOT NULL REFERENCES cqi_item (id),
  presented_on    DATE          NOT NULL,
  audience        VARCHAR(32)   NOT NULL,
  audience_note   VARCHAR(200),
  decision        VARCHAR(16)   NOT NULL,
  decision_reason VARCHAR(2000),
  follow_ups      VARCHAR(2000),
  recorded_by     UUID          NOT NULL,
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cqi_presentation_item_idx ON cqi_presentation (item_id);

CREATE TABLE cqi_status_change (
  id          UUID        NOT NULL PRIMARY KEY,
  item_id     UUID        NOT NULL REFERENCES cqi_item (id),
  from_status VARCHAR(32),
  to_status   VARCHAR(32) NOT NULL,
  changed_by  UUID        NOT NULL,
  changed_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX cqi_status_change_item_idx ON cqi_status_change (item_id, changed_at);
