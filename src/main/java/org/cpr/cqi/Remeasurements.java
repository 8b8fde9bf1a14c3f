package org.cpr.cqi;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Links an implemented item to a later measurement and moves it to "re-measured". */
@Service
class Remeasurements {

	private final JdbcClient jdbc;

	private final ImprovementRegister register;

	private final Clock clock;

	Remeasurements(JdbcClient jdbc, ImprovementRegister register, Clock clock) {
		this.jdbc = jdbc;
		this.register = register;
		this.clock = clock;
	}

	/**
	 * Only an item in "implemented" can be re-measured; otherwise refused with a message
	 * key.
	 */
	@Transactional
	public void record(UUID item, Remeasurement m, PersonId by) {
		ItemView view = register.find(item)
			.orElseThrow(() -> new ImprovementRegister.RefusedException("cqi.error.notFound"));
		if (view.status() != CqiStatus.IMPLEMENTED) {
			throw new ImprovementRegister.RefusedException("cqi2.remeasure.notImplemented");
		}
		jdbc.sql("""
				INSERT INTO cqi_remeasurement (id, item_id, wave_id, label, before_text, after_text, recorded_on)
				VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(UUID.randomUUID(), item, m.waveId(), m.label().strip(), blankToNull(m.before()), m.after().strip(),
					Date.valueOf(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC)))
			.update();
		register.move(item, CqiStatus.REMEASURED, null, by);
	}

	@Transactional(readOnly = true)
	public Optional<Remeasurement> latest(UUID item) {
		return of(java.util.List.of(item)).values().stream().findFirst();
	}

	/** The latest re-measurement of each item that has one. */
	@Transactional(readOnly = true)
	public Map<UUID, Remeasurement> of(Collection<UUID> items) {
		Map<UUID, Remeasurement> latest = new HashMap<>();
		if (items.isEmpty()) {
			return latest;
		}
		jdbc.sql("SELECT item_id, wave_id, label, before_text, after_text, recorded_on FROM cqi_remeasurement "
				+ "WHERE item_id IN (:items) ORDER BY recorded_on, label")
			.param("items", items)
			.query(rs -> {
				latest.put(rs.getObject(1, UUID.class), new Remeasurement(rs.getObject(2, UUID.class), rs.getString(3),
						rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate()));
			});
		return latest;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
