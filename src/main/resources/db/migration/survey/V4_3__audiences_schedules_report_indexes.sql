-- Campaign audiences (org units x trainee types x roles), schedules (one-off, monthly, rotation
-- blocks), a fixed hospital context, wave bookkeeping for the scheduler, and report indexes.
ALTER TABLE survey_campaign ADD COLUMN description VARCHAR(2000);
ALTER TABLE survey_campaign ADD COLUMN hospital VARCHAR(80);
ALTER TABLE survey_campaign ADD COLUMN audience_units VARCHAR(4000);
ALTER TABLE survey_campaign ADD COLUMN audience_types VARCHAR(400);
ALTER TABLE survey_campaign ADD COLUMN audience_roles VARCHAR(400);
ALTER TABLE survey_campaign ADD COLUMN schedule VARCHAR(16) DEFAULT 'ONE_OFF' NOT NULL;
ALTER TABLE survey_campaign ADD COLUMN first_opens_on DATE;
ALTER TABLE survey_campaign ADD COLUMN window_days INT DEFAULT 14 NOT NULL;
ALTER TABLE survey_campaign ADD COLUMN block_weeks INT;
ALTER TABLE survey_campaign ADD COLUMN ends_on DATE;
ALTER TABLE survey_wave ADD COLUMN invited_on DATE;
ALTER TABLE survey_wave ADD COLUMN reminded_on DATE;
CREATE INDEX survey_idempotency_created_idx ON survey_idempotency (created_on);
-- The dashboard aggregate groups one wave's anonymous rows by their coarse context; this index
-- lets PostgreSQL answer it from the index alone (index-only scan) without reading the answers.
DROP INDEX survey_response_anon_wave_idx;
CREATE INDEX survey_response_anon_report_idx ON survey_response_anon (wave_id, hospital, rotation, pgy_band, score);
CREATE INDEX survey_roster_person_idx ON survey_roster (person_id);
