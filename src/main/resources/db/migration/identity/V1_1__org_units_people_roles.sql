CREATE TABLE org_unit (
  id         UUID         NOT NULL PRIMARY KEY,
  parent_id  UUID         REFERENCES org_unit (id),
  kind       VARCHAR(32)  NOT NULL,
  code       VARCHAR(64)  NOT NULL UNIQUE,
  name       VARCHAR(200) NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX org_unit_parent_idx ON org_unit (parent_id);

CREATE TABLE person (
  id                UUID         NOT NULL PRIMARY KEY,
  username          VARCHAR(120) NOT NULL UNIQUE,
  email             VARCHAR(254) NOT NULL UNIQUE,
  display_name      VARCHAR(200) NOT NULL,
  trainee_type      VARCHAR(32)  NOT NULL,
  training_level    VARCHAR(16),
  department_id     UUID         REFERENCES org_unit (id),
  program_id        UUID         REFERENCES org_unit (id),
  password_hash     VARCHAR(255),
  active            BOOLEAN      NOT NULL DEFAULT TRUE,
  preferred_locale  VARCHAR(8),
  failed_logins     INT          NOT NULL DEFAULT 0,
  locked_until      TIMESTAMP WITH TIME ZONE,
  mfa_secret        VARCHAR(255),
  mfa_enabled       BOOLEAN      NOT NULL DEFAULT FALSE,
  created_at        TIMESTAMP WITH TIME ZONE NOT NULL,
  version           BIGINT       NOT NULL DEFAULT 0
);
CREATE INDEX person_program_idx ON person (program_id);
CREATE INDEX person_department_idx ON person (department_id);

CREATE TABLE role_grant (
  id          UUID        NOT NULL PRIMARY KEY,
  person_id   UUID        NOT NULL REFERENCES person (id),
  role        VARCHAR(32) NOT NULL,
  org_unit_id UUID        NOT NULL REFERENCES org_unit (id),
  granted_by  UUID,
  granted_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT role_grant_unique UNIQUE (person_id, role, org_unit_id)
);
CREATE INDEX role_grant_person_idx ON role_grant (person_id);

CREATE TABLE mfa_recovery_code (
  id         UUID         NOT NULL PRIMARY KEY,
  person_id  UUID         NOT NULL REFERENCES person (id),
  code_hash  VARCHAR(255) NOT NULL,
  used_at    TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mfa_recovery_code_person_idx ON mfa_recovery_code (person_id);

CREATE TABLE access_token (
  id           UUID         NOT NULL PRIMARY KEY,
  person_id    UUID         NOT NULL REFERENCES person (id),
  name         VARCHAR(100) NOT NULL,
  token_hash   VARCHAR(64)  NOT NULL UNIQUE,
  token_prefix VARCHAR(16)  NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  expires_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE,
  last_used_at TIMESTAMP WITH TIME ZONE
);
CREATE INDEX access_token_person_idx ON access_token (person_id);

CREATE TABLE external_identity (
  id        UUID         NOT NULL PRIMARY KEY,
  person_id UUID         NOT NULL REFERENCES person (id),
  issuer    VARCHAR(500) NOT NULL,
  subject   VARCHAR(255) NOT NULL,
  CONSTRAINT external_identity_unique UNIQUE (issuer, subject)
);
