package org.cpr.evaluation.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.evaluation.EvaluationConsent;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/** Consent decisions, append-only; the latest per person counts. */
@Service
class ConsentRecords implements EvaluationConsent {

	private static final int CHUNK = 500;

	private final JdbcClient jdbc;

	private final AuditPort audit;

	private final Clock clock;

	ConsentRecords(JdbcClient jdbc, AuditPort audit, Clock clock) {
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	// plain JDBC reads on every results page: no transaction (and JPA session) of
	// their own; a caller's transaction is joined
	@Transactional(propagation = Propagation.SUPPORTS, readOnly = true)
	public Optional<ConsentDecision> current(PersonId person) {
		return jdbc.sql("""
				SELECT text_version, granted, decided_at FROM evaluation_consent WHERE person_id = ?
				ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY""")
			.param(person.value())
			.query((rs, n) -> new ConsentDecision(rs.getString(1), rs.getBoolean(2), rs.getTimestamp(3).toInstant()))
			.optional();
	}

	@Override
	@Transactional
	public ConsentDecision decide(PersonId person, boolean granted) {
		Instant now = clock.instant();
		jdbc.sql("INSERT INTO evaluation_consent (person_id, text_version, granted, decided_at) VALUES (?, ?, ?, ?)")
			.params(person.value(), CURRENT_VERSION, granted, Timestamp.from(now))
			.update();
		audit.record(
				AuditEntry
					.selfService(person, granted ? "EVALUATION_CONSENT_GIVEN" : "EVALUATION_CONSENT_REVOKED",
							"evaluation_consent", CURRENT_VERSION)
					.about(person));
		return new ConsentDecision(CURRENT_VERSION, granted, now);
	}

	@Override
	@Transactional(readOnly = true)
	public Set<PersonId> consenting(Collection<PersonId> people) {
		List<PersonId> all = new ArrayList<>(people);
		Set<PersonId> yes = new HashSet<>();
		for (int i = 0; i < all.size(); i += CHUNK) {
			List<UUID> chunk = all.subList(i, Math.min(all.size(), i + CHUNK)).stream().map(PersonId::value).toList();
			jdbc.sql("""
					SELECT c.person_id FROM evaluation_consent c
					WHERE c.person_id IN (:people) AND c.granted = TRUE
					  AND c.seq = (SELECT MAX(l.seq) FROM evaluation_consent l WHERE l.person_id = c.person_id)""")
				.param("people", chunk)
				.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
				.list()
				.forEach(yes::add);
		}
		return yes;
	}

}
