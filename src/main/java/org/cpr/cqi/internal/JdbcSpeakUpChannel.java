package org.cpr.cqi.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.cqi.CqiCategory;
import org.cpr.cqi.ReportChannel;
import org.cpr.cqi.ReportReceipt;
import org.cpr.cqi.ReportSubmission;
import org.cpr.cqi.ReportView;
import org.cpr.cqi.SpeakUpChannel;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.IdempotencyLedger;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The speak-up channel over JdbcClient. Reports are stored with the day only and become
 * reviewable from the next weekly batch (I-11), so the moment of writing cannot identify
 * the writer. An anonymous report waits sealed in the {@link SpeakUpPool} and is written
 * readable only with its whole weekly batch, so not even the database's transaction ids
 * or row order date it more finely than the week. The idempotency row
 * ({@link IdempotencyLedger}, claimed in this transaction) holds keyed HMACs bound to the
 * client's key, its day, and no report id. Reviews of the original are audited;
 * leadership sees only what a reviewer released.
 */
@Service("speakUpChannel")
class JdbcSpeakUpChannel implements SpeakUpChannel {

	/** How long a key replays its report: a retry after that counts as a new report. */
	static final int KEY_KEEP_DAYS = 3;

	private final JdbcClient jdbc;

	private final ReplyCodes codes;

	private final AuditPort audit;

	private final Clock clock;

	private final SpeakUpPool pool;

	private final KeyedHash keyed;

	private final IdempotencyLedger ledger;

	JdbcSpeakUpChannel(JdbcClient jdbc, ReplyCodes codes, AuditPort audit, Clock clock, SpeakUpPool pool,
			KeyedHash keyed) {
		this.ledger = IdempotencyLedger.inCallersTransaction(jdbc, clock, "cqi_report_idempotency");
		this.pool = pool;
		this.keyed = keyed;
		this.jdbc = jdbc;
		this.codes = codes;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	@Override
	public ReportReceipt submit(ReportSubmission s, String idempotencyKey, PersonId reporter) {
		LocalDate today = today();
		String keyHash = keyed.hex("cqi-idempotency-key", idempotencyKey);
		// Bound to the client's key (stored nowhere), so it cannot be recomputed from a
		// readable report.
		String payloadHash = keyed.hex("cqi-idempotency-payload",
				idempotencyKey + "|" + s.channel() + "|" + s.category() + "|" + s.hospitalId() + "|" + s.setting() + "|"
						+ s.body() + "|" + s.wantsReplies() + "|" + (reporter != null));
		ledger.purge(today.minusDays(KEY_KEEP_DAYS));
		IdempotencyLedger.Claim claim;
		try {
			claim = ledger.claim(keyHash, payloadHash);
		}
		catch (IdempotencyLedger.KeyReused reused) {
			throw new KeyReusedException();
		}
		String replyCode = s.wantsReplies() ? codes.replyCodeFor(idempotencyKey) : null;
		LocalDate reviewable = today.with(TemporalAdjusters.next(DayOfWeek.MONDAY));
		if (claim.outcome() == IdempotencyLedger.Outcome.REPLAYED) {
			return new ReportReceipt(today, replyCode, reviewable);
		}
		String replyCodeHash = replyCode == null ? null : ReplyCodes.sha256(ReplyCodes.normalize(replyCode));
		if (reporter == null) {
			pool.add(new SpeakUpPool.Pooled(s.channel().name(), "ANONYMOUS", s.hospitalId(), blankToNull(s.setting()),
					s.category().name(), s.body().strip(), today.toString(), reviewable.toString(), replyCodeHash,
					List.of()), replyCode == null ? null : ReplyCodes.normalize(replyCode));
		}
		else {
			UUID id = UUID.randomUUID();
			jdbc.sql(
					"""
							INSERT INTO cqi_report (id, channel, privacy_mode, hospital_id, setting, category, body, submitted_on,
							                        reviewable_from, status, reply_code_hash)
							VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'RECEIVED', ?)""")
				.params(id, s.channel().name(), "CONFIDENTIAL", s.hospitalId(), blankToNull(s.setting()),
						s.category().name(), s.body().strip(), Date.valueOf(today), Date.valueOf(reviewable),
						replyCodeHash)
				.update();
			jdbc.sql("INSERT INTO cqi_report_identity (report_id, person_id) VALUES (?, ?)")
				.params(id, reporter.value())
				.update();
		}
		return new ReportReceipt(today, replyCode, reviewable);
	}

	@Override
	public int releaseDueReports() {
		return pool.releaseDue(today());
	}

	@Transactional(readOnly = true)
	@Override
	public Optional<ReportView> byReplyCode(String code) {
		releaseDueReports();
		return reportIdForCode(code).flatMap(this::view).or(() -> pooled(code));
	}

	@Transactional
	@Override
	public boolean reporterReplies(String code, String body) {
		releaseDueReports();
		return reportIdForCode(code).map(id -> {
			addMessage(id, "REPORTER", body);
			return true;
		})
			.orElseGet(() -> validCode(code)
					&& pool.addMessage(ReplyCodes.normalize(code), "REPORTER", body.strip(), today()));
	}

	/**
	 * A report still waiting for its batch, as its reporter sees it (no id: nobody has
	 * reviewed it).
	 */
	private Optional<ReportView> pooled(String code) {
		if (!validCode(code)) {
			return Optional.empty();
		}
		return pool.find(ReplyCodes.normalize(code))
			.map(p -> new ReportView(null, ReportChannel.valueOf(p.channel()), p.privacyMode(),
					CqiCategory.valueOf(p.category()), p.setting(), p.body(), LocalDate.parse(p.submittedOn()),
					LocalDate.parse(p.reviewableFrom()), "RECEIVED", null, true,
					p.messages()
						.stream()
						.map(m -> new ReportView.Message(m.author(), m.body(), LocalDate.parse(m.sentOn())))
						.toList()));
	}

	private static boolean validCode(String code) {
		String normalized = ReplyCodes.normalize(code);
		return normalized.length() >= 20 && normalized.length() <= 40;
	}

	@Transactional(readOnly = true)
	@Override
	public List<ReportView> reviewQueue(ReportChannel channel) {
		releaseDueReports();
		List<UUID> ids = new ArrayList<>(
				jdbc.sql("SELECT id FROM cqi_report WHERE channel = ? AND reviewable_from <= ? AND status <> 'CLOSED'")
					.params(channel.name(), Date.valueOf(today()))
					.query(UUID.class)
					.list());
		Collections.shuffle(ids);
		return ids.stream().map(this::view).flatMap(Optional::stream).toList();
	}

	@Transactional
	@Override
	public Optional<ReportView> openForReview(UUID id, ReportChannel channel, PersonId reviewer) {
		releaseDueReports();
		Optional<ReportView> report = view(id)
			.filter(r -> r.channel() == channel && !r.reviewableFrom().isAfter(today()));
		audit.record(AuditEntry.of(reviewer, "CQI_REPORT_VIEWED", "cqi_report", id.toString(), "cqi-review")
			.deniedUnless(report.isPresent()));
		return report;
	}

	@Transactional
	@Override
	public void reviewerReplies(UUID id, String body, PersonId reviewer) {
		addMessage(id, "REVIEWER", body);
		jdbc.sql("UPDATE cqi_report SET status = 'IN_REVIEW' WHERE id = ? AND status = 'RECEIVED'").param(id).update();
		audit.record(AuditEntry.success(reviewer, "CQI_REPORT_REPLIED", "cqi_report", id.toString()));
	}

	@Transactional
	@Override
	public void release(UUID id, String redacted, PersonId reviewer) {
		jdbc.sql("UPDATE cqi_report SET redacted_text = ?, released_on = ?, status = 'RELEASED' WHERE id = ?")
			.params(redacted.strip(), Date.valueOf(today()), id)
			.update();
		audit.record(AuditEntry.success(reviewer, "CQI_REPORT_RELEASED", "cqi_report", id.toString()));
	}

	/** Released, redacted texts for leadership: undated, shuffled, by category only. */
	@Transactional(readOnly = true)
	@Override
	public List<ReleasedQuote> released() {
		List<ReleasedQuote> quotes = new ArrayList<>(jdbc.sql(
				"SELECT category, redacted_text FROM cqi_report WHERE status = 'RELEASED' AND redacted_text IS NOT NULL")
			.query((rs, n) -> new ReleasedQuote(CqiCategory.valueOf(rs.getString(1)), rs.getString(2)))
			.list());
		Collections.shuffle(quotes);
		return quotes;
	}

	@Transactional
	@Override
	public Optional<PersonId> reporterOf(UUID id, PersonId officer) {
		Optional<PersonId> person = jdbc.sql("SELECT person_id FROM cqi_report_identity WHERE report_id = ?")
			.param(id)
			.query(UUID.class)
			.optional()
			.map(PersonId::new);
		audit.record(AuditEntry.of(officer, "CQI_REPORTER_IDENTITY_VIEWED", "cqi_report", id.toString(), "cqi-review")
			.about(person.orElse(null)));
		return person;
	}

	private Optional<UUID> reportIdForCode(String code) {
		String normalized = ReplyCodes.normalize(code);
		if (normalized.length() < 20 || normalized.length() > 40) {
			return Optional.empty();
		}
		return jdbc.sql("SELECT id FROM cqi_report WHERE reply_code_hash = ?")
			.param(ReplyCodes.sha256(normalized))
			.query(UUID.class)
			.optional();
	}

	private void addMessage(UUID report, String author, String body) {
		jdbc.sql("INSERT INTO cqi_report_message (id, report_id, author, body, sent_on) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), report, author, body.strip(), Date.valueOf(today()))
			.update();
	}

	private Optional<ReportView> view(UUID id) {
		List<ReportView.Message> messages = jdbc
			.sql("SELECT author, body, sent_on FROM cqi_report_message WHERE report_id = ? ORDER BY sent_on, author")
			.param(id)
			.query((rs, n) -> new ReportView.Message(rs.getString(1), rs.getString(2), rs.getDate(3).toLocalDate()))
			.list();
		return jdbc.sql("""
				SELECT id, channel, privacy_mode, category, setting, body, submitted_on, reviewable_from, status,
				       redacted_text, reply_code_hash FROM cqi_report WHERE id = ?""")
			.param(id)
			.query((rs, n) -> new ReportView(rs.getObject(1, UUID.class), ReportChannel.valueOf(rs.getString(2)),
					rs.getString(3), CqiCategory.valueOf(rs.getString(4)), rs.getString(5), rs.getString(6),
					rs.getDate(7).toLocalDate(), rs.getDate(8).toLocalDate(), rs.getString(9), rs.getString(10),
					rs.getString(11) != null, messages))
			.optional();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
