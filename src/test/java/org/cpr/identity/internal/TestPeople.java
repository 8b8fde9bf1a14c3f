package org.cpr.identity.internal;

import java.util.UUID;

import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A participant of the demo resident's programme, made for one test. */
final class TestPeople {

	static PersonId create(JdbcClient jdbc, String username, String hash) {
		UUID program = jdbc.sql("SELECT program_id FROM person WHERE username = 'resident'").query(UUID.class).single();
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO person (id, username, email, display_name, trainee_type, training_level, program_id,"
				+ " password_hash, active, created_at, version) VALUES (:id, :u, :e, 'Test Person', 'RESIDENT', 'PGY2',"
				+ " :program, :hash, TRUE, CURRENT_TIMESTAMP, 0)")
			.param("id", id)
			.param("u", username)
			.param("e", username + "@example.org")
			.param("program", program)
			.param("hash", hash)
			.update();
		jdbc.sql("INSERT INTO role_grant (id, person_id, role, org_unit_id, granted_at)"
				+ " VALUES (:id, :person, 'PARTICIPANT', :program, CURRENT_TIMESTAMP)")
			.param("id", UUID.randomUUID())
			.param("person", id)
			.param("program", program)
			.update();
		return new PersonId(id);
	}

	static PersonId create(JdbcClient jdbc, String hash) {
		return create(jdbc, "test-" + UUID.randomUUID().toString().substring(0, 12), hash);
	}

	private TestPeople() {
	}

}
