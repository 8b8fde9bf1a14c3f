package org.cpr.evaluation.internal;

import java.sql.Date;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.evaluation.ExportElement;
import org.cpr.evaluation.ResearchProtocol;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Protocols and their researchers. */
@Repository
class ProtocolStore {

	private final JdbcClient jdbc;

	ProtocolStore(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	void insert(ResearchProtocol p, PersonId by, Instant at) {
		jdbc.sql(
				"""
						INSERT INTO evaluation_protocol (id, irb_number, title, pi_name, approved_on, expires_on, elements, registered_by, registered_at)
						VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(p.id(), p.irbNumber(), p.title(), p.principalInvestigator(), Date.valueOf(p.approvedOn()),
					Date.valueOf(p.expiresOn()),
					p.elements().stream().map(Enum::name).sorted().collect(Collectors.joining(",")), by.value(),
					Timestamp.from(at))
			.update();
		for (PersonId r : p.researchers()) {
			jdbc.sql("INSERT INTO evaluation_protocol_researcher (protocol_id, person_id) VALUES (?, ?)")
				.params(p.id(), r.value())
				.update();
		}
	}

	boolean irbNumberTaken(String irb) {
		return jdbc.sql("SELECT COUNT(*) FROM evaluation_protocol WHERE irb_number = ?")
			.param(irb)
			.query(Long.class)
			.single() > 0;
	}

	List<ResearchProtocol> all() {
		return jdbc.sql(
				"SELECT id, irb_number, title, pi_name, approved_on, expires_on, elements FROM evaluation_protocol ORDER BY approved_on DESC, irb_number")
			.query((rs, n) -> new ResearchProtocol(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
					rs.getString(4), rs.getDate(5).toLocalDate(), rs.getDate(6).toLocalDate(),
					elements(rs.getString(7)), Set.of()))
			.list()
			.stream()
			.map(p -> withResearchers(p))
			.toList();
	}

	Optional<ResearchProtocol> find(UUID id) {
		return all().stream().filter(p -> p.id().equals(id)).findFirst();
	}

	private ResearchProtocol withResearchers(ResearchProtocol p) {
		Set<PersonId> people = new HashSet<>();
		jdbc.sql("SELECT person_id FROM evaluation_protocol_researcher WHERE protocol_id = ?")
			.param(p.id())
			.query(UUID.class)
			.list()
			.forEach(u -> people.add(new PersonId(u)));
		return new ResearchProtocol(p.id(), p.irbNumber(), p.title(), p.principalInvestigator(), p.approvedOn(),
				p.expiresOn(), p.elements(), people);
	}

	private static Set<ExportElement> elements(String csv) {
		Set<ExportElement> set = EnumSet.noneOf(ExportElement.class);
		Arrays.stream(csv.split(",")).filter(s -> !s.isBlank()).forEach(s -> set.add(ExportElement.valueOf(s)));
		return set;
	}

}
