-- The person answered (contact thread or anonymous check-in dialogue) and no resilience clinician
-- has opened it since: the inbox marks the alert and sorts it first within its tier. A flag, not a
-- time, so the anonymous check-in gains no time of day (I-8).
ALTER TABLE safety_alert ADD COLUMN reply_waiting BOOLEAN NOT NULL DEFAULT FALSE;
