package org.cpr.identity.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.UUID;

import org.cpr.shared.SecretBox;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * The identity module's part of a key rotation: TOTP secrets still under a retired key
 * are resealed in batches under the primary, each in its own context, and a second run
 * finds nothing left.
 */
@SpringBootTest
@AutoConfigureMockMvc
class SealedTotpSecretsTests {

	/**
	 * Stand-in keyset: "old:" values are under a retired key, everything else under the
	 * primary.
	 */
	static final SecretBox ROTATED = new SecretBox() {
		@Override
		public String seal(String plaintext, String context) {
			return "new:" + context + ":" + plaintext;
		}

		@Override
		public String open(String sealed, String context) {
			String prefix = sealed.substring(0, 4);
			assertThat(sealed).startsWith(prefix + context + ":");
			return sealed.substring(prefix.length() + context.length() + 1);
		}

		@Override
		public boolean sealedWithPrimary(String sealed) {
			return !sealed.startsWith("old:"); // anything else (other tests' real
												// secrets) counts as current
		}
	};

	@Autowired
	SealedTotpSecrets secrets;

	@Autowired
	JdbcTemplate jdbc;

	@Test
	void secretsUnderARetiredKeyAreResealedOnce() {
		UUID[] people = new UUID[3];
		for (int i = 0; i < people.length; i++) {
			people[i] = UUID.randomUUID();
			jdbc.update(
					"INSERT INTO person (id, username, email, display_name, trainee_type, active, created_at, mfa_secret, mfa_enabled)"
							+ " VALUES (?, ?, ?, 'Rotation Test', 'STAFF', TRUE, CURRENT_TIMESTAMP, ?, TRUE)",
					people[i], "rotation-" + people[i], people[i] + "@example.org",
					"old:totp:" + people[i] + ":SECRET" + i);
		}
		int first = 0;
		int batch;
		do {
			batch = secrets.resealBatch(ROTATED, 2);
			first += batch;
		}
		while (batch > 0);
		assertThat(first).isEqualTo(3);
		for (int i = 0; i < people.length; i++) {
			assertThat(jdbc.queryForObject("SELECT mfa_secret FROM person WHERE id = ?", String.class, people[i]))
				.isEqualTo("new:totp:" + people[i] + ":SECRET" + i);
		}
		assertThat(secrets.resealBatch(ROTATED, 200)).as("nothing left").isZero();
	}

}
