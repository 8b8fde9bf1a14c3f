package org.cpr.safety;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.safety.CheckinFixtures.checkin;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.UUID;

import org.cpr.audit.AnonymousAuditFlush;
import org.cpr.safety.checkin.CheckinHousekeeping;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.support.PostgresTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Known people sign in (an identified audit row with the exact time) and right after
 * check in anonymously under the handle a colleague would guess for them. Then an
 * attacker with the raw tables (a database administrator) tries every join: timestamps,
 * xmin, physical order (ctid), ids, audit sequence, event publications, and the handle
 * hash against an offline roster guess. None may link a check-in, or its alert, to the
 * person (I-8, I-9, I-15).
 */
@SpringBootTest(properties = "cpr.safety.escalation-check=PT1H") // no escalation
																	// rewriting alerts
																	// mid-test
@PostgresTest
@AutoConfigureMockMvc
class CheckinLinkagePostgresIT {

	static final int PEOPLE = 8;

	@Autowired
	MockMvc mvc;

	@Autowired
	JdbcClient jdbc;

	@Autowired
	AuditPort audit;

	@Autowired
	TransactionTemplate tx;

	@Autowired
	AnonymousAuditFlush flush;

	@Autowired
	CheckinHousekeeping scrub;

	@Test
	void noJoinOnTheRawTablesLinksACheckinToThePersonWhoSentIt() throws Exception {
		String run = UUID.randomUUID().toString().substring(0, 6);
		List<PersonId> people = new ArrayList<>();
		List<String> handles = new ArrayList<>();
		List<UUID> submissions = new ArrayList<>();
		for (int i = 0; i < PEOPLE; i++) {
			PersonId person = new PersonId(UUID.randomUUID());
			String handle = "dr.rivera" + run + i; // the handle a colleague would guess
													// from the roster
			tx.executeWithoutResult(s -> audit.record(new AuditEntry(person, "LINKAGE_SIGN_IN", "session", null, person,
					"authentication", AuditEntry.Outcome.SUCCESS, null)));
			mvc.perform(checkin(handle, 3, 2, 1, false, 5)).andExpect(status().isOk());
			people.add(person);
			handles.add(handle);
			submissions
				.add(jdbc
					.sql("SELECT s.id FROM checkin_submission s JOIN checkin_account a ON a.id = s.account_id "
							+ "WHERE a.handle_hash = ?")
					.param(CheckinWebTests.hash(handle))
					.query(UUID.class)
					.single());
		}
		List<UUID> alerts = new ArrayList<>();
		for (UUID s : submissions) {
			CheckinWebTests.eventually(() -> jdbc.sql("SELECT COUNT(*) FROM safety_alert WHERE source_id = ?")
				.param(s.toString())
				.query(Integer.class)
				.single());
			alerts.add(jdbc.sql("SELECT id FROM safety_alert WHERE source_id = ?")
				.param(s.toString())
				.query(UUID.class)
				.single());
		}
		// the hourly jobs
		flush.flush();
		scrub.scrub();

		// 1. timestamps: no time finer than a day on the check-in tables; the alerts and
		// their audit rows
		// carry midnight (deadlines the hour), so nothing lies near a sign-in
		assertThat(jdbc.sql("""
				SELECT COUNT(*) FROM information_schema.columns WHERE table_schema = current_schema()
				   AND table_name LIKE 'checkin%' AND data_type LIKE 'timestamp%'
				   -- the shared passphrase limiter's window (15 minutes) is its purpose; its rows are keyed by
				   -- a hash made for the limiter only (no join to checkin_account) and deleted after the window
				   AND table_name <> 'checkin_attempt'""").query(Integer.class).single()).isZero();
		List<Instant> signIns = jdbc
			.sql("SELECT occurred_at FROM audit_log WHERE action = 'LINKAGE_SIGN_IN' AND actor_id IN ("
					+ placeholders(PEOPLE) + ")")
			.params(ids(people))
			.query((rs, n) -> rs.getTimestamp(1).toInstant())
			.list();
		List<Instant> anonymousTimes = new ArrayList<>();
		for (UUID a : alerts) {
			anonymousTimes.addAll(jdbc.sql("SELECT raised_at, ack_deadline FROM safety_alert WHERE id = ?")
				.param(a)
				.query((rs, n) -> List.of(rs.getTimestamp(1).toInstant(), rs.getTimestamp(2).toInstant()))
				.single());
			anonymousTimes.addAll(jdbc.sql("SELECT occurred_at FROM audit_log WHERE record_id = ?")
				.param(a.toString())
				.query((rs, n) -> rs.getTimestamp(1).toInstant())
				.list());
		}
		assertThat(anonymousTimes).allMatch(t -> t.atZone(ZoneOffset.UTC).getMinute() == 0
				&& t.atZone(ZoneOffset.UTC).getSecond() == 0 && t.getNano() == 0, "whole hours only");
		for (Instant signIn : signIns) {
			assertThat(anonymousTimes)
				.noneMatch(t -> Duration.between(signIn, t).abs().compareTo(Duration.ofMinutes(1)) < 0);
		}

		// 2. xmin: every check-in row, alert and audit row of the channel was last
		// written by one transaction
		assertThat(distinct("SELECT COUNT(DISTINCT xmin::text) FROM checkin_submission WHERE id IN", submissions))
			.isEqualTo(1);
		assertThat(distinct("SELECT COUNT(DISTINCT xmin::text) FROM checkin_account WHERE id IN "
				+ "(SELECT account_id FROM checkin_submission WHERE id IN", submissions, ")"))
			.isEqualTo(1);
		assertThat(distinct("SELECT COUNT(DISTINCT xmin::text) FROM safety_alert WHERE id IN", alerts)).isEqualTo(1);
		assertThat(jdbc
			.sql("SELECT COUNT(DISTINCT xmin::text) FROM audit_log WHERE record_id IN (" + placeholders(PEOPLE) + ")")
			.params(strings(alerts))
			.query(Integer.class)
			.single()).isEqualTo(1);

		// 3. physical order (ctid), 4. ids, 5. audit sequence: none follows the order
		// people checked in
		assertThat(order("SELECT id FROM checkin_submission WHERE id IN (" + placeholders(PEOPLE) + ") ORDER BY ctid",
				submissions))
			.isNotEqualTo(submissions);
		assertThat(
				order("SELECT id FROM safety_alert WHERE id IN (" + placeholders(PEOPLE) + ") ORDER BY ctid", alerts))
			.isNotEqualTo(alerts);
		assertThat(order("SELECT id FROM checkin_submission WHERE id IN (" + placeholders(PEOPLE) + ") ORDER BY id",
				submissions))
			.isNotEqualTo(submissions);
		List<UUID> bySeq = jdbc
			.sql("SELECT record_id FROM audit_log WHERE action = 'SAFETY_ALERT_RAISED' AND record_id IN ("
					+ placeholders(PEOPLE) + ") ORDER BY seq")
			.params(strings(alerts))
			.query((rs, n) -> UUID.fromString(rs.getString(1)))
			.list();
		assertThat(bySeq).containsExactlyInAnyOrderElementsOf(alerts).isNotEqualTo(alerts);
		long lastSignIn = jdbc.sql("SELECT MAX(seq) FROM audit_log WHERE action = 'LINKAGE_SIGN_IN'")
			.query(Long.class)
			.single();
		long firstAnonymous = jdbc
			.sql("SELECT MIN(seq) FROM audit_log WHERE record_id IN (" + placeholders(PEOPLE) + ")")
			.params(strings(alerts))
			.query(Long.class)
			.single();
		assertThat(firstAnonymous).as("not interleaved with the sign-ins").isGreaterThan(lastSignIn);

		// 6. event publications: none left that names a check-in (completed ones are
		// deleted)
		for (UUID s : submissions) {
			assertThat(jdbc.sql("SELECT COUNT(*) FROM event_publication WHERE serialized_event LIKE ?")
				.param("%" + s + "%")
				.query(Integer.class)
				.single()).isZero();
		}

		// 7. the handle hash against an offline roster guess
		List<String> stored = jdbc.sql("SELECT handle_hash FROM checkin_account").query(String.class).list();
		for (String h : handles) {
			assertThat(stored).doesNotContain(sha256("checkin-handle:" + h), sha256(h));
		}
	}

	private int distinct(String sqlPrefix, List<UUID> ids) {
		return distinct(sqlPrefix, ids, "");
	}

	private int distinct(String sqlPrefix, List<UUID> ids, String suffix) {
		return jdbc.sql(sqlPrefix + " (" + placeholders(ids.size()) + ")" + suffix)
			.params(new ArrayList<Object>(ids))
			.query(Integer.class)
			.single();
	}

	private List<UUID> order(String sql, List<UUID> ids) {
		return jdbc.sql(sql).params(new ArrayList<Object>(ids)).query(UUID.class).list();
	}

	private static String placeholders(int n) {
		return String.join(", ", java.util.Collections.nCopies(n, "?"));
	}

	private static List<Object> ids(List<PersonId> people) {
		return people.stream().map(p -> (Object) p.value()).toList();
	}

	private static List<Object> strings(List<UUID> ids) {
		return ids.stream().map(u -> (Object) u.toString()).toList();
	}

	private static String sha256(String s) throws Exception {
		return HexFormat.of()
			.formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
	}

}
