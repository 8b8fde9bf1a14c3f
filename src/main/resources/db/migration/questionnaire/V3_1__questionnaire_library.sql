-- The questionnaire library: a definition (stable id such as "phq-9") and its versions. A
-- published version is immutable; responses refer to the exact version they answered.
CREATE TABLE questionnaire_definition (
  id         VARCHAR(64)  NOT NULL PRIMARY KEY,
  title      VARCHAR(200) NOT NULL,
  shipped    BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE questionnaire_version (
  id             UUID        NOT NULL PRIMARY KEY,
  definition_id  VARCHAR(64) NOT NULL REFERENCES questionnaire_definition (id),
  version_number INT         NOT NULL,
  status         VARCHAR(16) NOT NULL,
  fhir_json      TEXT        NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  published_at   TIMESTAMP WITH TIME ZONE,
  CONSTRAINT questionnaire_version_unique UNIQUE (definition_id, version_number)
);
