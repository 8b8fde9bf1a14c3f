package org.cpr.peersupport.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.cpr.peersupport.GroupDebrief;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Group debriefs and their facilitators. */
@Repository
class DebriefStore {

	private final JdbcClient jdbc;

	DebriefStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public UUID insert(OrgUnitId unit, LocalDate heldOn, List<PersonId> facilitators, int attendance, PersonId by,
			Instant now) {
		UUID id = UUID.randomUUID();
		jdbc.sql(
				"INSERT INTO peer_group_debrief (id, unit_id, held_on, attendance, recorded_by, recorded_at) VALUES (?, ?, ?, ?, ?, ?)")
			.params(id, unit.value(), Date.valueOf(heldOn), attendance, by.value(), Timestamp.from(now))
			.update();
		for (PersonId f : facilitators) {
			jdbc.sql("INSERT INTO peer_debrief_facilitator (debrief_id, person_id) VALUES (?, ?)")
				.params(id, f.value())
				.update();
		}
		return id;
	}

	public java.util.Optional<GroupDebrief> find(UUID id) {
		return recent(id, Integer.MAX_VALUE).stream().findFirst();
	}

	public List<GroupDebrief> recent(int limit) {
		return recent(null, limit);
	}

	private List<GroupDebrief> recent(UUID only, int limit) {
		Map<UUID, Object[]> rows = new LinkedHashMap<>();
		jdbc.sql(
				"SELECT id, unit_id, held_on, attendance FROM peer_group_debrief WHERE (CAST(? AS UUID) IS NULL OR id = ?) "
						+ "ORDER BY held_on DESC, id LIMIT ?")
			.params(only, only, limit)
			.query(rs -> {
				rows.put(rs.getObject(1, UUID.class),
						new Object[] { rs.getObject(2, UUID.class), rs.getDate(3).toLocalDate(), rs.getInt(4) });
			});
		List<GroupDebrief> list = new ArrayList<>();
		rows.forEach((id, r) -> list.add(new GroupDebrief(id, new OrgUnitId((UUID) r[0]), (LocalDate) r[1],
				jdbc.sql("SELECT person_id FROM peer_debrief_facilitator WHERE debrief_id = ? ORDER BY person_id")
					.param(id)
					.query((rs, n) -> new PersonId(rs.getObject(1, UUID.class)))
					.list(),
				(Integer) r[2])));
		return list;
	}

	/**
	 * Debriefs held on days {@code from} to {@code toExclusive}, and their total
	 * attendance.
	 */
	public long[] countAndAttendance(LocalDate from, LocalDate toExclusive) {
		return jdbc.sql(
				"SELECT COUNT(*), COALESCE(SUM(attendance), 0) FROM peer_group_debrief WHERE held_on >= ? AND held_on < ?")
			.params(Date.valueOf(from), Date.valueOf(toExclusive))
			.query((rs, n) -> new long[] { rs.getLong(1), rs.getLong(2) })
			.single();
	}

}
