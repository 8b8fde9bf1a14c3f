-- Base cells of the heat map, kept as answers arrive: one row per campaign and coarse attribute
-- combination with its count, sums and sums of squares per measure, so a heat map reads a few hundred
-- rows a year instead of grouping every answer. needs_response stays the record of each answer.
CREATE TABLE needs_unit (
  unit_key      VARCHAR(200) NOT NULL PRIMARY KEY,
  campaign_id   UUID         NOT NULL,
  academic_year INTEGER      NOT NULL,
  closes_on     DATE         NOT NULL,
  rotation_id   UUID,
  specialty     VARCHAR(80),
  hospital_code VARCHAR(40),
  n             BIGINT       NOT NULL,
  s_workload DOUBLE PRECISION NOT NULL,
  q_workload DOUBLE PRECISION NOT NULL,
  s_sleep DOUBLE PRECISION NOT NULL,
  q_sleep DOUBLE PRECISION NOT NULL,
  s_autonomy DOUBLE PRECISION NOT NULL,
  q_autonomy DOUBLE PRECISION NOT NULL,
  s_team DOUBLE PRECISION NOT NULL,
  q_team DOUBLE PRECISION NOT NULL,
  s_mistreatment DOUBLE PRECISION NOT NULL,
  q_mistreatment DOUBLE PRECISION NOT NULL,
  s_adverse DOUBLE PRECISION NOT NULL,
  q_adverse DOUBLE PRECISION NOT NULL,
  s_ehr DOUBLE PRECISION NOT NULL,
  q_ehr DOUBLE PRECISION NOT NULL,
  s_home DOUBLE PRECISION NOT NULL,
  q_home DOUBLE PRECISION NOT NULL,
  s_burnout DOUBLE PRECISION NOT NULL,
  q_burnout DOUBLE PRECISION NOT NULL,
  s_wellbeing DOUBLE PRECISION NOT NULL,
  q_wellbeing DOUBLE PRECISION NOT NULL
);
CREATE INDEX needs_unit_year_idx ON needs_unit (academic_year, closes_on);
INSERT INTO needs_unit (unit_key, campaign_id, academic_year, closes_on, rotation_id, specialty, hospital_code, n, s_workload, q_workload, s_sleep, q_sleep, s_autonomy, q_autonomy, s_team, q_team, s_mistreatment, q_mistreatment, s_adverse, q_adverse, s_ehr, q_ehr, s_home, q_home, s_burnout, q_burnout, s_wellbeing, q_wellbeing)
SELECT CAST(campaign_id AS VARCHAR(36)) || '|' || COALESCE(CAST(rotation_id AS VARCHAR(36)), 'null') || '|' || COALESCE(specialty, 'null')
         || '|' || COALESCE(hospital_code, 'null'),
       campaign_id, MAX(academic_year), MAX(closes_on), rotation_id, specialty, hospital_code, COUNT(*), COALESCE(SUM(workload), 0), COALESCE(SUM(workload * workload), 0), COALESCE(SUM(sleep), 0), COALESCE(SUM(sleep * sleep), 0), COALESCE(SUM(autonomy), 0), COALESCE(SUM(autonomy * autonomy), 0), COALESCE(SUM(team), 0), COALESCE(SUM(team * team), 0), COALESCE(SUM(mistreatment), 0), COALESCE(SUM(mistreatment * mistreatment), 0), COALESCE(SUM(adverse), 0), COALESCE(SUM(adverse * adverse), 0), COALESCE(SUM(ehr), 0), COALESCE(SUM(ehr * ehr), 0), COALESCE(SUM(home), 0), COALESCE(SUM(home * home), 0), COALESCE(SUM(burnout), 0), COALESCE(SUM(burnout * burnout), 0), COALESCE(SUM(wellbeing), 0), COALESCE(SUM(wellbeing * wellbeing), 0)
FROM needs_response GROUP BY campaign_id, rotation_id, specialty, hospital_code;
