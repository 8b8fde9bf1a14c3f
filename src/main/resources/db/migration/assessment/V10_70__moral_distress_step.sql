-- Moral distress in the snapshot (issue 19): the Moral Distress Thermometer as an optional last
-- step (a battery an institution changed keeps its order; the step goes after its last one), and
-- a next step for 'uncomfortable' or more that points at the moral-distress consultation.
INSERT INTO assessment_battery_step (position, instrument_id, follow_up_id, follow_up_min, optional_step)
SELECT COALESCE(MAX(position), 0) + 1, 'moral-distress-thermometer', NULL, NULL, TRUE
FROM assessment_battery_step
WHERE NOT EXISTS (SELECT 1 FROM assessment_battery_step WHERE instrument_id = 'moral-distress-thermometer');

INSERT INTO assessment_next_step_rule (id, position, instrument_id, bands, flag, category, directory_slug, fallback_text) VALUES
  ('6f1c0a10-0000-4000-8000-000000000070', 8, 'moral-distress-thermometer', 'md-uncomfortable,md-distressing,md-intense', NULL,
   'COUNSELING', 'moral-distress-and-ethics-consultation',
   'Moral distress is common in clinical work and it helps to talk it through: an ethics consultant or a resilience psychologist can help, confidentially.');
