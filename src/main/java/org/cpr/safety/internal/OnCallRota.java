package org.cpr.safety.internal;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/** The escalation ladder: position 1 answers first, then 2, and so on. */
@Component
class OnCallRota {

	private final JdbcClient jdbc;

	OnCallRota(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public List<UUID> ladder() {
		return jdbc.sql("SELECT person_id FROM safety_oncall ORDER BY position").query(UUID.class).list();
	}

	/** Who is at {@code level} of the ladder (0 = primary); empty past the end. */
	Optional<UUID> atLevel(int level) {
		List<UUID> ladder = ladder();
		return level < ladder.size() ? Optional.of(ladder.get(level)) : Optional.empty();
	}

	@Transactional
	public void replace(List<UUID> clinicians) {
		jdbc.sql("DELETE FROM safety_oncall").update();
		for (int i = 0; i < clinicians.size(); i++) {
			jdbc.sql("INSERT INTO safety_oncall (position, person_id) VALUES (?, ?)")
				.params(i + 1, clinicians.get(i))
				.update();
		}
	}

}
