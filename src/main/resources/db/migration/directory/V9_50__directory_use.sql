-- How much the directory is used, for the annual evaluation: searches and service-page views per
-- day and service category. Counts only: no person, session, query text or service is kept.
CREATE TABLE directory_use (
  day      DATE        NOT NULL,
  kind     VARCHAR(16) NOT NULL,
  category VARCHAR(32) NOT NULL,
  uses     BIGINT      NOT NULL,
  CONSTRAINT directory_use_pk PRIMARY KEY (day, kind, category)
);
