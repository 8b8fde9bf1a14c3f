package org.cpr.cqi.internal;

import java.security.SecureRandom;
import java.sql.Date;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.SecretBox;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The weekly mixing pool of anonymous speak-up reports (I-8, I-11, issue #11). An
 * anonymous report is not written readable when it is sent: it is sealed with the
 * application's key into {@code cqi_report_pool} and becomes a {@code cqi_report} row
 * only in its weekly batch (the day its review opens), when all of that week's pooled
 * reports are written in one transaction, in random order, with fresh random ids. So a
 * report's transaction id, commit order and physical position say "sent that week", and
 * cannot be lined up with anything the reporter did signed in. Until then the reporter
 * finds the report by reply code through a keyed hash of the code (not the readable row's
 * plain hash), and their own messages are sealed with it. One transaction per batch, rows
 * locked and each deletion checked: two nodes never release a report twice, and a crash
 * releases nothing.
 */
@Component
class SpeakUpPool {

	/** The sealed content: what the readable rows will hold, nothing about the sender. */
	public record Pooled(String channel, String privacyMode, UUID hospitalId, String setting, String category,
			String body, String submittedOn, String reviewableFrom, String replyCodeHash, List<Message> messages) {
	}

	/** A reporter's message written while the report waits for its batch. */
	public record Message(String author, String body, String sentOn) {
	}

	static final int MAX_POOLED_MESSAGES = 20;

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final KeyedHash keyed;

	private final TransactionTemplate tx;

	private final ObjectMapper json = new ObjectMapper();

	SpeakUpPool(JdbcClient jdbc, SecretBox box, KeyedHash keyed, PlatformTransactionManager txm) {
		this.jdbc = jdbc;
		this.box = box;
		this.keyed = keyed;
		this.tx = new TransactionTemplate(txm);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
	}

	/** Pools one anonymous report (inside the caller's transaction). */
	public void add(Pooled report, String normalizedReplyCode) {
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO cqi_report_pool (id, release_on, reply_key, sealed) VALUES (?, ?, ?, ?)")
			.params(id, Date.valueOf(LocalDate.parse(report.reviewableFrom())), replyKey(normalizedReplyCode),
					box.seal(write(report), context(id)))
			.update();
	}

	/** The pooled report with this reply code, if it still waits for its batch. */
	public Optional<Pooled> find(String normalizedReplyCode) {
		return row(normalizedReplyCode).map(r -> read(box.open(r.sealed(), context(r.id()))));
	}

	/**
	 * Seals a reporter's message into a pooled report; false if there is none (or too
	 * many messages).
	 */
	public boolean addMessage(String normalizedReplyCode, String author, String body, LocalDate today) {
		return row(normalizedReplyCode).map(r -> {
			Pooled p = read(box.open(r.sealed(), context(r.id())));
			if (p.messages().size() >= MAX_POOLED_MESSAGES) {
				return false;
			}
			List<Message> messages = new ArrayList<>(p.messages());
			messages.add(new Message(author, body, today.toString()));
			Pooled updated = new Pooled(p.channel(), p.privacyMode(), p.hospitalId(), p.setting(), p.category(),
					p.body(), p.submittedOn(), p.reviewableFrom(), p.replyCodeHash(), List.copyOf(messages));
			jdbc.sql("UPDATE cqi_report_pool SET sealed = ? WHERE id = ?")
				.params(box.seal(write(updated), context(r.id())), r.id())
				.update();
			return true;
		}).orElse(false);
	}

	/**
	 * Writes every pooled report whose batch is due as readable rows; returns how many.
	 */
	public int releaseDue(LocalDate today) {
		Integer released = tx.execute(s -> {
			List<PoolRow> rows = jdbc.sql("SELECT id, sealed FROM cqi_report_pool WHERE release_on <= ? FOR UPDATE")
				.param(Date.valueOf(today))
				.query((rs, n) -> new PoolRow(rs.getObject(1, UUID.class), rs.getString(2)))
				.list();
			if (rows.isEmpty()) {
				return 0;
			}
			List<Pooled> reports = new ArrayList<>();
			for (PoolRow r : rows) {
				reports.add(read(box.open(r.sealed(), context(r.id()))));
			}
			// Deleted in id order, written in an independent random order: no pairing in
			// the WAL.
			List<PoolRow> byId = new ArrayList<>(rows);
			byId.sort(Comparator.comparing(PoolRow::id));
			for (PoolRow r : byId) {
				if (jdbc.sql("DELETE FROM cqi_report_pool WHERE id = ?").param(r.id()).update() != 1) {
					throw new IllegalStateException("a pooled report was released twice");
				}
			}
			Collections.shuffle(reports, RANDOM);
			for (Pooled p : reports) {
				insert(p);
			}
			return reports.size();
		});
		return released == null ? 0 : released;
	}

	private void insert(Pooled p) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO cqi_report (id, channel, privacy_mode, hospital_id, setting, category, body, submitted_on,
				                        reviewable_from, status, reply_code_hash)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?)""")
			.params(id, p.channel(), p.privacyMode(), p.hospitalId(), p.setting(), p.category(), p.body(),
					Date.valueOf(LocalDate.parse(p.submittedOn())), Date.valueOf(LocalDate.parse(p.reviewableFrom())),
					p.replyCodeHash())
			.update();
		for (Message m : p.messages()) {
			jdbc.sql("INSERT INTO cqi_report_message (id, report_id, author, body, sent_on) VALUES (?, ?, ?, ?, ?)")
				.params(UUID.randomUUID(), id, m.author(), m.body(), Date.valueOf(LocalDate.parse(m.sentOn())))
				.update();
		}
	}

	private Optional<PoolRow> row(String normalizedReplyCode) {
		if (normalizedReplyCode == null || normalizedReplyCode.isBlank()) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id, sealed FROM cqi_report_pool WHERE reply_key = ?")
			.param(replyKey(normalizedReplyCode))
			.query((rs, n) -> new PoolRow(rs.getObject(1, UUID.class), rs.getString(2)))
			.optional();
	}

	private String replyKey(String normalizedReplyCode) {
		return normalizedReplyCode == null ? null : keyed.hex("cqi-pool-reply-code", normalizedReplyCode);
	}

	private static String context(UUID id) {
		return "cqi-report-pool:" + id;
	}

	private String write(Pooled p) {
		try {
			return json.writeValueAsString(p);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("pooled report not serialisable", e);
		}
	}

	private Pooled read(String text) {
		try {
			return json.readValue(text, Pooled.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("pooled report unreadable", e);
		}
	}

	private record PoolRow(UUID id, String sealed) {
	}

}
