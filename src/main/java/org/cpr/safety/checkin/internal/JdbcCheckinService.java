package org.cpr.safety.checkin.internal;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.safety.AlertTier;
import org.cpr.safety.SafetyConcern;
import org.cpr.safety.checkin.CheckinInstruments;
import org.cpr.safety.checkin.CheckinService;
import org.cpr.safety.checkin.CheckinThread;
import org.cpr.safety.checkin.CheckinTiering;
import org.cpr.safety.RepliesWaiting;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.IdempotencyLedger;
import org.cpr.shared.KeyedHash;
import org.cpr.shared.PersonId;
import org.cpr.shared.SecretBox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Anonymous check-ins as explicit SQL over the {@code checkin_*} tables.
 */
@Service("checkinService")
class JdbcCheckinService implements CheckinService {

	/** How long a key replays; a retry after that is a new check-in. */
	static final int KEY_KEEP_DAYS = 3;

	private static final String CRISIS = "|crisis";

	private final JdbcClient jdbc;

	private final CheckinAccess access;

	private final CheckinMessages messages;

	private final SecretBox box;

	private final ApplicationEventPublisher events;

	private final RepliesWaiting replies;

	private final AuditPort audit;

	private final KeyedHash keyed;

	private final IdempotencyLedger ledger;

	JdbcCheckinService(JdbcClient jdbc, CheckinAccess access, CheckinMessages messages, SecretBox box,
			ApplicationEventPublisher events, RepliesWaiting replies, AuditPort audit, KeyedHash keyed, Clock clock) {
		this.keyed = keyed;
		this.ledger = IdempotencyLedger.inCallersTransactionWithReceipts(jdbc, clock, "checkin_idempotency");
		this.jdbc = jdbc;
		this.access = access;
		this.messages = messages;
		this.box = box;
		this.events = events;
		this.replies = replies;
		this.audit = audit;
	}

	@Override
	public Optional<UUID> signIn(String handle, String passphrase) {
		return access.authenticate(handle, passphrase);
	}

	@Override
	public String tokenFor(UUID account) {
		return access.tokenFor(account);
	}

	@Override
	public Optional<UUID> accountOf(String token) {
		return access.accountOf(token);
	}

	/**
	 * Stores a screening once per idempotency key (the shared {@link IdempotencyLedger},
	 * claimed in this transaction), creating the account on first use of the handle.
	 */
	@Transactional
	public Receipt submit(String handle, String passphrase, String doorbell, String idempotencyKey,
			CheckinInstruments.Outcome outcome) {
		UUID account = account(handle, passphrase, doorbell);
		LocalDate today = access.today();
		// Keyed fingerprints bound to the client's key: the ledger names neither the
		// screening nor the account. The payload is the account, so a retry of the same
		// form replays and another account's use of the key is refused, as the handle
		// page always did.
		String keyHash = keyed.hex("checkin-idempotency-key", idempotencyKey);
		String payloadHash = keyed.hex("checkin-idempotency-payload", idempotencyKey + "|" + account);
		ledger.purge(today.minusDays(KEY_KEEP_DAYS));
		IdempotencyLedger.Claim claim;
		try {
			claim = ledger.claim(keyHash, payloadHash);
		}
		catch (IdempotencyLedger.KeyReused | IdempotencyLedger.StillInFlight refused) {
			throw new HandleUnavailableException();
		}
		if (claim.outcome() == IdempotencyLedger.Outcome.REPLAYED) {
			return receipt(claim.receipt());
		}
		CheckinTiering.Scores s = outcome.scores();
		CheckinTiering.Result tier = CheckinTiering.classify(s);
		UUID id = UUID.randomUUID();
		SafetyConcern concern = new SafetyConcern("checkin", id.toString(), null, account, tier.tier(), tier.reasons());
		jdbc.sql("""
				INSERT INTO checkin_submission (id, account_id, alert_id, submitted_on, tier, phq9_total, phq9_item9,
				    gad7_total, pcptsd5_score, burnout_option, reasons, answers_sealed, moral_distress)
				VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
			.params(id, account, concern.alertId(), Date.valueOf(today), tier.tier().name(), s.phq9Total(),
					s.phq9Item9(), s.gad7Total(), s.pcptsd5(), s.burnoutOption(), String.join(",", tier.reasons()),
					box.seal(outcome.answersJson(), "checkin-answers:" + id), s.moralDistress())
			.update();
		events.publishEvent(concern);
		boolean crisis = s.phq9Item9() > 0;
		ledger.complete(keyHash, today + (crisis ? CRISIS : ""));
		return new Receipt(today, ReplyWindow.replyBy(today), crisis);
	}

	/**
	 * A replayed receipt: the day it was first sent and whether crisis resources showed.
	 */
	private static Receipt receipt(String stored) {
		LocalDate on = LocalDate.parse(stored.substring(0, 10));
		return new Receipt(on, ReplyWindow.replyBy(on), stored.endsWith(CRISIS));
	}

	@Override
	@Transactional
	public Optional<CheckinThread> threadOf(UUID account) {
		access.touch(account);
		return latestSubmission(account).flatMap(this::thread);
	}

	@Override
	@Transactional
	public void participantWrites(UUID account, String body) {
		access.touch(account);
		messages.add(account, "PARTICIPANT", body);
		latestSubmission(account).flatMap(this::alertOf).ifPresent(replies::personReplied);
	}

	@Override
	@Transactional
	public void reveal(UUID account, String name, String contact, PersonId signedIn) {
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO checkin_reveal (id, account_id, name_sealed, contact_sealed, person_id, requested_on)
				VALUES (?, ?, ?, ?, ?, ?)""")
			.params(id, account, sealOrNull(name, "checkin-reveal-name:" + id),
					sealOrNull(contact, "checkin-reveal-contact:" + id), signedIn == null ? null : signedIn.value(),
					Date.valueOf(access.today()))
			.update();
		access.touch(account);
		audit.recordAnonymousChannel(
				AuditEntry.care(signedIn, "CHECKIN_REVEAL_REQUESTED", "checkin_reveal", id.toString()).about(signedIn));
		events.publishEvent(new SafetyConcern("checkin-reveal", id.toString(), signedIn, account, AlertTier.TIER_2,
				Set.of("CONTACT_REQUESTED")));
	}

	@Override
	@Transactional
	public void delete(UUID account) {
		jdbc.sql("DELETE FROM checkin_account WHERE id = ?").param(account).update();
	}

	@Override
	@Transactional
	public Optional<CheckinThread> open(UUID submissionId, PersonId clinician) {
		Optional<CheckinThread> thread = thread(submissionId);
		thread.ifPresent(t -> replies.read(jdbc
			.sql("""
					SELECT s.alert_id FROM checkin_submission s WHERE s.account_id = (SELECT account_id FROM checkin_submission WHERE id = ?)""")
			.param(submissionId)
			.query(UUID.class)
			.list()));
		audit.record(AuditEntry.care(clinician, "CHECKIN_VIEWED", "checkin_submission", submissionId.toString())
			.failedUnless(thread.isPresent()));
		return thread;
	}

	@Override
	@Transactional
	public boolean clinicianReplies(UUID submissionId, PersonId clinician, String body) {
		Optional<UUID> account = jdbc.sql("SELECT account_id FROM checkin_submission WHERE id = ?")
			.param(submissionId)
			.query(UUID.class)
			.optional();
		account.ifPresent(a -> {
			messages.add(a, "CLINICIAN", body);
			events.publishEvent(new CheckinReplyPosted(a));
		});
		audit.record(AuditEntry.care(clinician, "CHECKIN_REPLIED", "checkin_submission", submissionId.toString())
			.failedUnless(account.isPresent()));
		return account.isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public Map<UUID, UUID> submissionsByAlert() {
		return jdbc.sql("SELECT alert_id, id FROM checkin_submission")
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class)))
			.list()
			.stream()
			.collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue, (a, b) -> a));
	}

	private UUID account(String handle, String passphrase, String doorbell) {
		return access.signInOrCreate(handle, passphrase, doorbell);
	}

	private Optional<UUID> alertOf(UUID submissionId) {
		return jdbc.sql("SELECT alert_id FROM checkin_submission WHERE id = ?")
			.param(submissionId)
			.query(UUID.class)
			.optional();
	}

	private Optional<UUID> latestSubmission(UUID account) {
		return jdbc.sql("SELECT id FROM checkin_submission WHERE account_id = ? ORDER BY submitted_on DESC, id")
			.param(account)
			.query(UUID.class)
			.list()
			.stream()
			.findFirst();
	}

	private Optional<CheckinThread> thread(UUID submissionId) {
		return jdbc.sql("""
				SELECT id, alert_id, account_id, submitted_on, tier, phq9_total, phq9_item9, gad7_total, pcptsd5_score,
				       burnout_option, reasons, moral_distress FROM checkin_submission WHERE id = ?""")
			.param(submissionId)
			.query((rs, n) -> {
				UUID account = rs.getObject(3, UUID.class);
				LocalDate on = rs.getDate(4).toLocalDate();
				return new CheckinThread(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), on,
						ReplyWindow.replyBy(on), AlertTier.valueOf(rs.getString(5)),
						new CheckinTiering.Scores(rs.getInt(6), rs.getInt(7), rs.getInt(8), rs.getInt(9), rs.getInt(10),
								(Integer) rs.getObject(12, Integer.class)),
						List.of(rs.getString(11).split(",")), messages.of(account), reveals(account));
			})
			.optional();
	}

	private List<CheckinThread.Reveal> reveals(UUID account) {
		return jdbc.sql(
				"SELECT id, name_sealed, contact_sealed, person_id, requested_on FROM checkin_reveal WHERE account_id = ? ORDER BY requested_on")
			.param(account)
			.query((rs, n) -> {
				String id = rs.getObject(1, UUID.class).toString();
				return new CheckinThread.Reveal(openOrNull(rs.getString(2), "checkin-reveal-name:" + id),
						openOrNull(rs.getString(3), "checkin-reveal-contact:" + id), rs.getObject(4) != null,
						rs.getDate(5).toLocalDate());
			})
			.list();
	}

	private String sealOrNull(String value, String context) {
		return value == null || value.isBlank() ? null : box.seal(value.strip(), context);
	}

	private String openOrNull(String sealed, String context) {
		return sealed == null ? null : box.open(sealed, context);
	}

}
