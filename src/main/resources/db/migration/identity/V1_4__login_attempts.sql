-- Sign-in throttling shared by every node: one row per attempt, keyed by a keyed hash of the client
-- address (a dump does not reveal addresses), kept only for the throttle window.
CREATE TABLE login_attempt (
  client_key   VARCHAR(64) NOT NULL,
  attempted_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX login_attempt_client_idx ON login_attempt (client_key, attempted_at);
CREATE INDEX login_attempt_time_idx ON login_attempt (attempted_at);
