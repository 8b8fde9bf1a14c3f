-- Weekly mixing pool of anonymous speak-up reports (I-8, I-11, issue #11). A report waits here sealed
-- with the application's key (outside the database) and is written to cqi_report only with its whole
-- weekly batch, in random order with a fresh random id, so its transaction id, commit order and
-- physical position date it no finer than the week. reply_key is a keyed HMAC of the reply code
-- (not the plain hash cqi_report keeps), so the reporter can read and answer before the batch.
CREATE TABLE cqi_report_pool (
  id         UUID            NOT NULL PRIMARY KEY,
  release_on DATE            NOT NULL,
  reply_key  VARCHAR(64)     UNIQUE,
  sealed     VARCHAR(1000000) NOT NULL
);
CREATE INDEX cqi_report_pool_release_idx ON cqi_report_pool (release_on);
-- The idempotency row pointed at its report and held an unkeyed hash of the report's text: both are
-- join keys. New rows hold keyed HMACs bound to the client's key, and no report id.
DELETE FROM cqi_report_idempotency;
ALTER TABLE cqi_report_idempotency DROP COLUMN report_id;
