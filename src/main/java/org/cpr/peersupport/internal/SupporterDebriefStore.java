package org.cpr.peersupport.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.peersupport.DebriefOutcome;
import org.cpr.peersupport.DebriefWith;
import org.cpr.peersupport.SupporterDebrief;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** A peer supporter's own debriefs (date, with whom, outcome; no content). */
@Repository
class SupporterDebriefStore {

	private static final RowMapper<SupporterDebrief> ROW = (rs, n) -> new SupporterDebrief(
			rs.getObject("id", UUID.class), new PersonId(rs.getObject("supporter_id", UUID.class)),
			rs.getDate("held_on").toLocalDate(), DebriefWith.valueOf(rs.getString("with_role")),
			rs.getObject("with_person", UUID.class) == null ? null
					: new PersonId(rs.getObject("with_person", UUID.class)),
			DebriefOutcome.valueOf(rs.getString("outcome")));

	private final JdbcClient jdbc;

	SupporterDebriefStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public void insert(SupporterDebrief d, PersonId by, Instant now) {
		jdbc.sql("""
				INSERT INTO peer_supporter_debrief (id, supporter_id, held_on, with_role, with_person, outcome,
				                                    recorded_by, recorded_at)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(d.id(), d.supporter().value(), Date.valueOf(d.heldOn()), d.with().name(),
					d.withPerson() == null ? null : d.withPerson().value(), d.outcome().name(), by.value(),
					Timestamp.from(now))
			.update();
	}

	public Optional<SupporterDebrief> find(UUID id) {
		return jdbc.sql("SELECT * FROM peer_supporter_debrief WHERE id = ?").param(id).query(ROW).optional();
	}

	public void outcome(UUID id, DebriefOutcome outcome, PersonId by, Instant now) {
		jdbc.sql("UPDATE peer_supporter_debrief SET outcome = ?, recorded_by = ?, recorded_at = ? WHERE id = ?")
			.params(outcome.name(), by.value(), Timestamp.from(now), id)
			.update();
	}

	/** The supporter's own debriefs, latest first. */
	public List<SupporterDebrief> of(PersonId supporter) {
		return jdbc.sql("SELECT * FROM peer_supporter_debrief WHERE supporter_id = ? ORDER BY held_on DESC, id")
			.param(supporter.value())
			.query(ROW)
			.list();
	}

}
