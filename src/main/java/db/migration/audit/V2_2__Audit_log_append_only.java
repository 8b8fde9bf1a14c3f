package db.migration.audit;

import java.sql.Statement;

import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;

/**
 * Makes audit_log append-only for every database role, the application's included:
 * UPDATE, DELETE and TRUNCATE raise an error. PostgreSQL gets a PL/pgSQL trigger; the
 * embedded H2 database a Java trigger, so the guarantee is tested on both engines.
 */
public class V2_2__Audit_log_append_only extends BaseJavaMigration {

	@Override
	public void migrate(Context context) throws Exception {
		String product = context.getConnection().getMetaData().getDatabaseProductName();
		try (Statement s = context.getConnection().createStatement()) {
			if ("PostgreSQL".equals(product)) {
				s.execute("""
						CREATE OR REPLACE FUNCTION audit_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
						BEGIN
						  RAISE EXCEPTION 'audit_log is append-only: % refused', TG_OP;
						END $$""");
				s.execute("CREATE TRIGGER audit_log_no_change BEFORE UPDATE OR DELETE ON audit_log "
						+ "FOR EACH ROW EXECUTE FUNCTION audit_log_append_only()");
				s.execute("CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log "
						+ "FOR EACH STATEMENT EXECUTE FUNCTION audit_log_append_only()");
			}
			else if ("H2".equals(product)) {
				s.execute("CREATE TRIGGER audit_log_no_change BEFORE UPDATE, DELETE ON audit_log FOR EACH ROW "
						+ "CALL 'org.cpr.audit.internal.AppendOnlyTrigger'");
			}
			else {
				throw new IllegalStateException("Unsupported database for the audit log: " + product);
			}
		}
	}

}
