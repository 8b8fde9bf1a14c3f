package org.cpr.audit.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The application runs as a role that does not own the tables (I-15). Flyway migrates as
 * the owner ({@code spring.flyway.user}); after every migrate this callback grants the
 * application role named by {@code cpr.db.app-role} (PostgreSQL only, and only if that
 * role exists) what it needs: read and write on every table except the audit log, where
 * it may only SELECT and INSERT. UPDATE, DELETE, TRUNCATE, and (not being the owner) DROP
 * TRIGGER / ALTER TABLE on {@code audit_log} are refused to it by PostgreSQL itself, on
 * top of the append-only trigger. Idempotent: it runs at every start, so tables added by
 * later migrations are covered too.
 */
@Component
class AppRoleGrants implements Callback {

	private static final Logger LOG = LoggerFactory.getLogger(AppRoleGrants.class);

	private static final Pattern ROLE = Pattern.compile("[a-z_][a-z0-9_]{0,62}");

	private final String role;

	AppRoleGrants(@Value("${cpr.db.app-role:}") String role) {
		this.role = role == null ? "" : role.strip();
		if (!this.role.isEmpty() && !ROLE.matcher(this.role).matches()) {
			throw new IllegalStateException("cpr.db.app-role must be a plain lower-case PostgreSQL role name");
		}
	}

	@Override
	public boolean supports(Event event, Context context) {
		return event == Event.AFTER_MIGRATE;
	}

	@Override
	public boolean canHandleInTransaction(Event event, Context context) {
		return true;
	}

	@Override
	public void handle(Event event, Context context) {
		if (role.isEmpty()) {
			return;
		}
		try {
			Connection c = context.getConnection();
			if (!"PostgreSQL".equals(c.getMetaData().getDatabaseProductName()) || !roleExists(c)) {
				return;
			}
			String schema;
			try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT current_schema()")) {
				rs.next();
				schema = rs.getString(1);
			}
			String r = "\"" + role + "\"";
			String sc = "\"" + schema.replace("\"", "\"\"") + "\"";
			try (Statement s = c.createStatement()) {
				s.execute("GRANT USAGE ON SCHEMA " + sc + " TO " + r);
				s.execute("GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA " + sc + " TO " + r);
				s.execute("GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA " + sc + " TO " + r);
				s.execute("REVOKE ALL ON audit_log FROM " + r);
				s.execute("GRANT SELECT, INSERT ON audit_log TO " + r);
				s.execute("REVOKE ALL ON flyway_schema_history FROM " + r);
				s.execute("GRANT SELECT ON flyway_schema_history TO " + r);
			}
			LOG.info("AUDIT_APP_ROLE_GRANTED role={} audit_log=SELECT,INSERT", role);
		}
		catch (SQLException e) {
			throw new IllegalStateException("granting the application role failed", e);
		}
	}

	private boolean roleExists(Connection c) throws SQLException {
		try (PreparedStatement p = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
			p.setString(1, role);
			try (ResultSet rs = p.executeQuery()) {
				if (!rs.next()) {
					LOG.warn("AUDIT_APP_ROLE_MISSING role={}", role);
					return false;
				}
				return true;
			}
		}
	}

	@Override
	public String getCallbackName() {
		return "cpr-app-role-grants";
	}

}
