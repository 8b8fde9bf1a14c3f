-- The directory of every support service on campus, and the program's public web pages.
CREATE TABLE directory_service (
  id                   UUID          NOT NULL PRIMARY KEY,
  name                 VARCHAR(200)  NOT NULL,
  provider_kind        VARCHAR(16)   NOT NULL,
  provider_name        VARCHAR(200)  NOT NULL,
  category             VARCHAR(32)   NOT NULL,
  audiences            VARCHAR(300)  NOT NULL,
  confidentiality      VARCHAR(16)   NOT NULL,
  reported_to          VARCHAR(100),
  confidentiality_note VARCHAR(1000),
  cost                 VARCHAR(16)   NOT NULL,
  cost_note            VARCHAR(300),
  after_hours          BOOLEAN       NOT NULL,
  hours                VARCHAR(300),
  access_modes         VARCHAR(100)  NOT NULL,
  virtual_option       BOOLEAN       NOT NULL,
  location             VARCHAR(300),
  phone                VARCHAR(60),
  email                VARCHAR(254),
  url                  VARCHAR(500),
  languages            VARCHAR(100)  NOT NULL,
  description          VARCHAR(2000) NOT NULL,
  owner_id             UUID,
  last_reviewed        DATE          NOT NULL,
  reminded_on          DATE,
  retired              BOOLEAN       NOT NULL DEFAULT FALSE,
  retired_on           DATE,
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  version              BIGINT        NOT NULL DEFAULT 0
);
CREATE INDEX directory_service_category_idx ON directory_service (category, retired);

CREATE TABLE site_page (
  slug       VARCHAR(40)    NOT NULL,
  locale     VARCHAR(8)     NOT NULL,
  markdown   VARCHAR(20000) NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_by UUID,
  PRIMARY KEY (slug, locale)
);
