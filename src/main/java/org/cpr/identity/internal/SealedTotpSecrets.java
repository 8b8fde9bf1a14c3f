package org.cpr.identity.internal;

import java.util.List;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.cpr.shared.SealedValues;
import org.cpr.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** TOTP secrets (person.mfa_secret) resealed under the primary key after a rotation. */
@Component
class SealedTotpSecrets implements SealedValues {

	private final JdbcClient jdbc;

	SealedTotpSecrets(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	@Override
	public String name() {
		return "identity.totp";
	}

	record Row(UUID id, String secret) {
	}

	@Override
	public int resealBatch(SecretBox box, int limit) {
		int resealed = 0;
		// keyset pagination over all sealed rows; a batch that finds only current values
		// moves on
		UUID after = new UUID(0L, 0L);
		while (resealed < limit) {
			List<Row> rows = jdbc.sql(
					"SELECT id, mfa_secret AS secret FROM person WHERE mfa_secret IS NOT NULL AND id > :after ORDER BY id LIMIT 500")
				.param("after", after)
				.query(Row.class)
				.list();
			if (rows.isEmpty()) {
				break;
			}
			for (Row row : rows) {
				after = row.id();
				if (!box.sealedWithPrimary(row.secret()) && resealed < limit) {
					String context = MfaEnrolmentService.context(new PersonId(row.id()));
					// compare-and-set: an enrolment that changed the secret meanwhile
					// wins
					resealed += jdbc.sql("UPDATE person SET mfa_secret = :now WHERE id = :id AND mfa_secret = :was")
						.param("now", box.reseal(row.secret(), context))
						.param("id", row.id())
						.param("was", row.secret())
						.update();
				}
			}
		}
		return resealed;
	}

}
