-- Base cells of a closed large wave, computed once on the first report after closing (no answer can
-- arrive after a wave closes), so later reports read a few dozen rows instead of a million.
CREATE TABLE survey_wave_aggregated (
  wave_id     UUID NOT NULL PRIMARY KEY,
  computed_on DATE NOT NULL
);
CREATE TABLE survey_wave_aggregate (
  wave_id UUID             NOT NULL,
  grp     VARCHAR(80),
  pgy     VARCHAR(16),
  rot     VARCHAR(80),
  n       BIGINT           NOT NULL,
  s       DOUBLE PRECISION NOT NULL,
  ss      DOUBLE PRECISION NOT NULL
);
CREATE INDEX survey_wave_aggregate_wave_idx ON survey_wave_aggregate (wave_id);
