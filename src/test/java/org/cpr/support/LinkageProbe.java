package org.cpr.support;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A database reader's linkage attack on an anonymous channel (I-8, I-12, issue #11):
 * given the rows of an anonymous table and the rows of an identified table that the same
 * people wrote (the participation ledger, or any identified trace of them), it tries
 * every join it knows and reports each one that links a person to an anonymous row better
 * than chance.
 *
 * <p>
 * Use it for every anonymous channel (surveys, speak-up, check-in, anything later):
 * <pre>{@code
 * List<String> findings = LinkageProbe.on(jdbc)
 *     .anonymous("survey_response_anon", "answers", "wave_id = '" + wave + "'")
 *     .identified("survey_participation", "person_id", "wave_id = '" + wave + "'")
 *     .attack(truth);               // truth: person id -> payload, in the order they submitted
 * assertThat(findings).isEmpty();
 * }</pre> {@code payload} is the anonymous table's column (or SQL expression) that
 * differs per person, {@code person} the identified table's column holding the person id,
 * the filters restrict both tables to the scenario's rows (plain SQL; the test builds
 * them from its own ids). Give at least ten people, each with a distinct payload.
 *
 * <p>
 * Attacks: (1) schema: a timestamp/time column, an identity-like column or a foreign key
 * on the anonymous table; (2) an unkeyed SHA-256 (hex or base64) of a payload anywhere in
 * any text column of the schema; (3) PostgreSQL: an anonymous row written in the same
 * transaction ({@code xmin}) as an identified row; (4) ordering: anonymous rows sorted by
 * {@code xmin}, physical position ({@code ctid}; on H2 the internal {@code _ROWID_}) or
 * id paired with identified rows in their own transaction/physical order, and each
 * anonymous row paired with the identified row of the nearest preceding transaction; a
 * pairing that gets more than half of the people right is a link (a random pairing gets
 * about one right). What it cannot see: dead tuples, WAL and backups (see
 * docs/disclosure.md, "What a database administrator can and cannot learn").
 */
public final class LinkageProbe {

	private final JdbcTemplate jdbc;

	private String anonTable;

	private String payload;

	private String anonFilter;

	private String idTable;

	private String personColumn;

	private String idFilter;

	private LinkageProbe(JdbcTemplate jdbc) {
		this.jdbc = jdbc;
	}

	public static LinkageProbe on(JdbcTemplate jdbc) {
		return new LinkageProbe(jdbc);
	}

	public LinkageProbe anonymous(String table, String payloadColumn, String filter) {
		this.anonTable = table;
		this.payload = payloadColumn;
		this.anonFilter = filter;
		return this;
	}

	public LinkageProbe identified(String table, String personColumn, String filter) {
		this.idTable = table;
		this.personColumn = personColumn;
		this.idFilter = filter;
		return this;
	}

	/**
	 * Every successful join, described; empty when nothing links. {@code truth}: person
	 * id → payload.
	 */
	public List<String> attack(Map<String, String> truth) {
		Objects.requireNonNull(anonTable, "anonymous(...) first");
		Objects.requireNonNull(idTable, "identified(...) first");
		List<String> findings = new ArrayList<>();
		schema(findings);
		unkeyedHashes(truth, findings);
		boolean postgres = postgres();
		List<Row> anon = anonRows(postgres);
		List<Row> ids = identifiedRows(postgres);
		if (anon.size() != truth.size()) {
			findings.add("expected " + truth.size() + " anonymous rows, found " + anon.size()
					+ " (answers not yet released?)");
			return findings;
		}
		if (postgres) {
			for (Row a : anon) {
				ids.stream()
					.filter(i -> i.xid == a.xid)
					.findFirst()
					.ifPresent(i -> findings
						.add("same transaction (xmin " + a.xid + ") as an identified row of " + i.value));
			}
			pairing("xmin order", anon, ids,
					Comparator.comparingLong((Row r) -> r.xid).thenComparingLong(r -> r.position), truth, findings);
			nearestPrecedingTransaction(anon, ids, truth, findings);
		}
		pairing("physical order", anon, ids, Comparator.comparingLong((Row r) -> r.position), truth, findings);
		pairing("id order", anon, ids, Comparator.comparing((Row r) -> r.id), truth, findings);
		return findings;
	}

	private void schema(List<String> findings) {
		for (Map<String, Object> col : jdbc.queryForList(
				"SELECT column_name, data_type FROM information_schema.columns" + " WHERE LOWER(table_name) = ?",
				anonTable.toLowerCase(Locale.ROOT))) {
			String name = String.valueOf(col.get("column_name")).toLowerCase(Locale.ROOT);
			String type = String.valueOf(col.get("data_type")).toUpperCase(Locale.ROOT);
			if (type.contains("TIMESTAMP") || type.startsWith("TIME")) {
				findings.add("column " + name + " holds a time finer than a day (" + type + ")");
			}
			if (name.matches(".*(person|user|session|ip_|agent|account|device).*")) {
				findings.add("column " + name + " looks like an identifier of a person");
			}
		}
		Integer fks = jdbc.queryForObject(
				"SELECT COUNT(*) FROM information_schema.table_constraints"
						+ " WHERE LOWER(table_name) = ? AND constraint_type = 'FOREIGN KEY'",
				Integer.class, anonTable.toLowerCase(Locale.ROOT));
		if (fks != null && fks > 0) {
			findings.add(anonTable + " has a foreign key");
		}
	}

	private void unkeyedHashes(Map<String, String> truth, List<String> findings) {
		Map<String, String> hashes = new LinkedHashMap<>();
		truth.forEach((person, value) -> {
			byte[] digest = sha256(value);
			hashes.put(HexFormat.of().formatHex(digest), person);
			hashes.put(java.util.Base64.getEncoder().encodeToString(digest), person);
		});
		List<Map<String, Object>> columns = jdbc
			.queryForList("SELECT table_name, column_name FROM information_schema.columns"
					+ " WHERE table_schema = CURRENT_SCHEMA AND (UPPER(data_type) LIKE '%CHAR%' OR UPPER(data_type) LIKE '%TEXT%')"
					+ " AND UPPER(data_type) NOT LIKE '%LARGE OBJECT%'");
		for (Map<String, Object> c : columns) {
			String table = String.valueOf(c.get("table_name"));
			String column = String.valueOf(c.get("column_name"));
			List<String> hits = jdbc.queryForList(
					"SELECT " + quote(column) + " FROM " + quote(table) + " WHERE " + quote(column) + " IN ("
							+ String.join(",", hashes.keySet().stream().map(h -> "?").toList()) + ")",
					String.class, hashes.keySet().toArray());
			if (!hits.isEmpty()) {
				findings.add(table + "." + column + " holds an unkeyed SHA-256 of a stored payload");
			}
		}
	}

	/**
	 * Pairs the i-th anonymous row with the i-th identified row, both in the attacker's
	 * chosen order.
	 */
	private static void pairing(String attack, List<Row> anon, List<Row> ids, Comparator<Row> anonOrder,
			Map<String, String> truth, List<String> findings) {
		List<Row> a = anon.stream().sorted(anonOrder).toList();
		List<Row> p = ids.stream()
			.sorted(Comparator.comparingLong((Row r) -> r.xid).thenComparingLong(r -> r.position))
			.toList();
		int right = 0;
		for (int i = 0; i < Math.min(a.size(), p.size()); i++) {
			if (a.get(i).value.equals(truth.get(p.get(i).value))) {
				right++;
			}
		}
		if (right * 2 > truth.size()) {
			findings.add(attack + " links " + right + " of " + truth.size() + " people to their anonymous rows");
		}
	}

	/**
	 * Each anonymous row is guessed to belong to whoever's identified row was written
	 * just before it.
	 */
	private static void nearestPrecedingTransaction(List<Row> anon, List<Row> ids, Map<String, String> truth,
			List<String> findings) {
		int right = 0;
		for (Row a : anon) {
			Row guess = ids.stream()
				.filter(i -> i.xid <= a.xid)
				.max(Comparator.comparingLong((Row r) -> r.xid))
				.orElse(null);
			if (guess != null && a.value.equals(truth.get(guess.value))) {
				right++;
			}
		}
		if (right * 2 > truth.size()) {
			findings.add("nearest preceding transaction links " + right + " of " + truth.size() + " people");
		}
	}

	private List<Row> anonRows(boolean postgres) {
		String sql = postgres
				? "SELECT CAST(CAST(xmin AS TEXT) AS BIGINT) AS xid, CAST(ctid AS TEXT) AS pos, CAST(id AS VARCHAR) AS id, "
						+ payload + " AS v FROM " + anonTable + " WHERE " + anonFilter
				: "SELECT 0 AS xid, CAST(_ROWID_ AS VARCHAR) AS pos, CAST(id AS VARCHAR) AS id, " + payload
						+ " AS v FROM " + anonTable + " WHERE " + anonFilter;
		return jdbc.query(sql, (rs, n) -> new Row(rs.getLong("xid"), position(rs.getString("pos")), rs.getString("id"),
				rs.getString("v")));
	}

	private List<Row> identifiedRows(boolean postgres) {
		String sql = postgres
				? "SELECT CAST(CAST(xmin AS TEXT) AS BIGINT) AS xid, CAST(ctid AS TEXT) AS pos, CAST(" + personColumn
						+ " AS VARCHAR) AS v FROM " + idTable + " WHERE " + idFilter
				: "SELECT 0 AS xid, CAST(_ROWID_ AS VARCHAR) AS pos, CAST(" + personColumn + " AS VARCHAR) AS v FROM "
						+ idTable + " WHERE " + idFilter;
		return jdbc.query(sql,
				(rs, n) -> new Row(rs.getLong("xid"), position(rs.getString("pos")), null, rs.getString("v")));
	}

	/** ctid "(page,item)" or an H2 row id, as one sortable number. */
	private static long position(String pos) {
		if (pos.startsWith("(")) {
			String[] parts = pos.substring(1, pos.length() - 1).split(",");
			return Long.parseLong(parts[0]) * 1_000_000L + Long.parseLong(parts[1]);
		}
		return Long.parseLong(pos);
	}

	private boolean postgres() {
		try (Connection c = Objects.requireNonNull(jdbc.getDataSource()).getConnection()) {
			return c.getMetaData().getDatabaseProductName().toLowerCase(Locale.ROOT).contains("postgres");
		}
		catch (SQLException e) {
			throw new IllegalStateException(e);
		}
	}

	private static String quote(String identifier) {
		return '"' + identifier.replace("\"", "\"\"") + '"';
	}

	private static byte[] sha256(String s) {
		try {
			return MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8));
		}
		catch (NoSuchAlgorithmException e) {
			throw new IllegalStateException(e);
		}
	}

	private record Row(long xid, long position, String id, String value) {
	}

}
