-- How an offering is evaluated through the survey engine (no row: the shipped session evaluation, anonymous).
-- Survey campaigns and waves are referred to by id only (no foreign keys across modules).
CREATE TABLE course_evaluation_setting (
  offering_id     UUID        NOT NULL PRIMARY KEY REFERENCES course_offering (id),
  questionnaire   VARCHAR(100),
  privacy_mode    VARCHAR(24) NOT NULL,
  prepost_measure VARCHAR(100),
  updated_by      UUID,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One evaluation campaign per delivered session, sent once to the people who attended it.
CREATE TABLE course_session_evaluation (
  session_id  UUID NOT NULL PRIMARY KEY REFERENCES course_session (id),
  campaign_id UUID NOT NULL,
  wave_id     UUID NOT NULL,
  invited     INTEGER NOT NULL,
  created_at  TIMESTAMP WITH TIME ZONE NOT NULL
);

-- A multi-week course's pre/post measure: one campaign, a wave before the first session and one after the last.
CREATE TABLE course_prepost (
  offering_id   UUID NOT NULL PRIMARY KEY REFERENCES course_offering (id),
  campaign_id   UUID NOT NULL,
  pre_wave_id   UUID NOT NULL,
  post_wave_id  UUID NOT NULL,
  created_at    TIMESTAMP WITH TIME ZONE NOT NULL
);
