-- Invitations and reminders sent per wave (identified participation data; never joined to responses).
CREATE TABLE survey_invitation (
  wave_id     UUID NOT NULL,
  person_id   UUID NOT NULL,
  invited_on  DATE NOT NULL,
  reminded_on DATE,
  PRIMARY KEY (wave_id, person_id)
);
