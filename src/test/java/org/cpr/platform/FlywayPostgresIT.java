package org.cpr.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;

import javax.sql.DataSource;

import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The whole application on PostgreSQL: real Flyway migrations, schema validation, demo
 * campus, sign-in.
 */
@SpringBootTest
@AutoConfigureMockMvc
@PostgresTest
class FlywayPostgresIT {

	@Autowired
	DataSource dataSource;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	MockMvc mvc;

	@Test
	void startsOnPostgresWithEveryMigrationAppliedAndTheDemoCampusSeeded() throws Exception {
		try (var connection = dataSource.getConnection()) {
			assertThat(connection.getMetaData().getDatabaseProductName()).isEqualTo("PostgreSQL");
		}
		int failed = jdbc.sql("SELECT COUNT(*) FROM flyway_schema_history WHERE NOT success")
			.query(Integer.class)
			.single();
		assertThat(failed).isZero();
		assertThat(jdbc.sql("SELECT COUNT(*) FROM person").query(Integer.class).single()).as("the demo campus's people")
			.isGreaterThanOrEqualTo(79);
		assertThat(jdbc.sql(
				"SELECT username FROM person WHERE username IN ('resident', 'director', 'clinician', 'clinician2', 'peercoord', 'riskmanager')")
			.query(String.class)
			.list()).as("a login for every role the modules seed").hasSize(6);
		assertThat(jdbc.sql("SELECT COUNT(*) FROM org_unit WHERE kind = 'PROGRAM'").query(Integer.class).single())
			.isGreaterThanOrEqualTo(6);
		mvc.perform(post("/login").param("username", "director").param("password", "demo-resilience-2026").with(csrf()))
			.andExpect(redirectedUrl("/home"));
	}

}
