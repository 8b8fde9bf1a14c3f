-- PostgreSQL roles for production: Flyway migrates as the owner, the application runs as a role that
-- does not own any table, so it cannot UPDATE, DELETE or TRUNCATE the audit log, nor drop or disable
-- its trigger (I-15). Run once as a superuser; replace the passwords.
CREATE ROLE cpr_owner LOGIN PASSWORD 'change-me-owner';
CREATE ROLE cpr_app   LOGIN PASSWORD 'change-me-app';
CREATE DATABASE cpr OWNER cpr_owner;
\connect cpr
ALTER SCHEMA public OWNER TO cpr_owner;
REVOKE CREATE ON SCHEMA public FROM PUBLIC;
GRANT USAGE ON SCHEMA public TO cpr_app;
-- The grants themselves are applied by the application at every start, after Flyway, when
-- cpr.db.app-role (CPR_DB_APP_ROLE) names an existing role (org.cpr.audit.internal.AppRoleGrants):
--   GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO cpr_app;
--   GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO cpr_app;
--   REVOKE ALL ON audit_log FROM cpr_app;  GRANT SELECT, INSERT ON audit_log TO cpr_app;
--   REVOKE ALL ON flyway_schema_history FROM cpr_app;  GRANT SELECT ON flyway_schema_history TO cpr_app;
