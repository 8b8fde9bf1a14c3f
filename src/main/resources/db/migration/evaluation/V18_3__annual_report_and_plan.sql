-- The program committee's commentary on an academic year's evaluation, and next year's plan:
-- goals linked to findings, actions with owners and due dates, reviewed at mid-year.
CREATE TABLE evaluation_commentary (
  academic_year INT           NOT NULL PRIMARY KEY,
  body          VARCHAR(8000) NOT NULL,
  updated_by    UUID          NOT NULL,
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE evaluation_goal (
  id            UUID          NOT NULL PRIMARY KEY,
  academic_year INT           NOT NULL,
  statement     VARCHAR(1000) NOT NULL,
  finding       VARCHAR(300),
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX evaluation_goal_year_idx ON evaluation_goal (academic_year, created_at);

CREATE TABLE evaluation_action (
  id            UUID          NOT NULL PRIMARY KEY,
  goal_id       UUID          NOT NULL REFERENCES evaluation_goal (id),
  description   VARCHAR(1000) NOT NULL,
  owner_name    VARCHAR(200)  NOT NULL,
  due_on        DATE          NOT NULL,
  status        VARCHAR(16)   NOT NULL,
  review_note   VARCHAR(1000),
  reviewed_at   TIMESTAMP WITH TIME ZONE,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX evaluation_action_goal_idx ON evaluation_action (goal_id, due_on);
