package org.cpr.safety.checkin.internal;

import java.sql.Date;
import java.util.List;
import java.util.UUID;

import org.cpr.safety.checkin.CheckinThread;
import org.cpr.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The anonymous dialogue of one account, sealed at rest; ordered by sequence, dated by
 * day only.
 */
@Component
class CheckinMessages {

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final CheckinAccess access;

	CheckinMessages(JdbcClient jdbc, SecretBox box, CheckinAccess access) {
		this.jdbc = jdbc;
		this.box = box;
		this.access = access;
	}

	public void add(UUID account, String author, String body) {
		int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM checkin_message WHERE account_id = ?")
			.param(account)
			.query(Integer.class)
			.single();
		jdbc.sql(
				"INSERT INTO checkin_message (id, account_id, seq, author, body_sealed, sent_on) VALUES (?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), account, seq, author, box.seal(body.strip(), context(account)),
					Date.valueOf(access.today()))
			.update();
	}

	public List<CheckinThread.Message> of(UUID account) {
		return jdbc.sql("SELECT author, body_sealed, sent_on FROM checkin_message WHERE account_id = ? ORDER BY seq")
			.param(account)
			.query((rs, n) -> new CheckinThread.Message(rs.getString(1), box.open(rs.getString(2), context(account)),
					rs.getDate(3).toLocalDate()))
			.list();
	}

	private static String context(UUID account) {
		return "checkin-message:" + account;
	}

}
