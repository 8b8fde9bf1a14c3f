-- Check-in sign-in attempts per handle, shared by every node (it was a per-node memory, so each node
-- gave an attacker its own five guesses). A row counts the attempts at one handle in one fixed
-- window: the handle only as an HMAC with a purpose of its own (it does not match checkin_account's
-- handle_hash, so the two tables cannot be joined without the key), the window's start rounded to
-- the window, never the exact time of an attempt. Rows older than the previous window are deleted
-- at every attempt.
CREATE TABLE checkin_attempt (
  handle_key   VARCHAR(64) NOT NULL,
  window_start TIMESTAMP WITH TIME ZONE NOT NULL,
  attempts     INT NOT NULL,
  CONSTRAINT checkin_attempt_pk PRIMARY KEY (handle_key, window_start)
);
CREATE INDEX checkin_attempt_window_idx ON checkin_attempt (window_start);
