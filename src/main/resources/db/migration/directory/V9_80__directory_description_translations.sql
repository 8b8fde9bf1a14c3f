-- A service's description in another language (Spanish first); the English one stays in directory_service.
CREATE TABLE directory_service_text (
  service_id  UUID          NOT NULL REFERENCES directory_service (id) ON DELETE CASCADE,
  lang        VARCHAR(8)    NOT NULL,
  description VARCHAR(2000) NOT NULL,
  PRIMARY KEY (service_id, lang)
);
