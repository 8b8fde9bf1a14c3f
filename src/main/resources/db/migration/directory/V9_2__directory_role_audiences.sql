-- Services may also be meant for people in a role (peer supporters, group leaders, program directors…).
ALTER TABLE directory_service ADD COLUMN audience_roles VARCHAR(300);
