-- When a campus sign-on account was linked to a person (shown on the administrator's links page);
-- links made before this migration have none.
ALTER TABLE external_identity ADD COLUMN linked_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX external_identity_person_idx ON external_identity (person_id);
