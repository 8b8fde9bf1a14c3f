-- The builder lists "my questionnaires": who created a definition (null for shipped instruments and
-- definitions imported before the builder existed). A person id, no foreign key across modules.
ALTER TABLE questionnaire_definition ADD COLUMN created_by UUID;
