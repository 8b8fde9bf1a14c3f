package org.cpr.survey.internal;

import java.math.BigDecimal;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.shared.SecretBox;
import org.cpr.survey.Campaign;
import org.cpr.survey.PrivacyMode;
import org.cpr.survey.SurveyResponseSubmitted;
import org.cpr.survey.Wave;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The mixing pool that keeps anonymous answers from being joined to the participation
 * ledger.
 *
 * <p>
 * A submission writes its participation mark and a pool row in one transaction; the pool
 * row is sealed with the application's key ({@link SecretBox}), so it shows a database
 * reader only "some answer to wave W". {@link #flushIfDue} moves answers into
 * {@code survey_response_anon} once the pool holds 2k of them, keeping k back, so every
 * batch and also the wave's last one (moved by {@link #flushClosed} after the wave
 * closes) holds at least k answers, where k is the larger of
 * {@code cpr.survey.anonymous-pool.min-batch} and the wave's minimum cell size. A batch
 * is one transaction: readable rows get fresh random ids and one day for the whole batch,
 * and are inserted in a random order unrelated to the order in which the pool rows are
 * deleted; so the transaction id, commit order, physical position and WAL order of a
 * readable row say only "one of this batch". The wave row is locked for the move, so two
 * nodes never move the same answer, and a crash rolls the whole batch back: nothing
 * acknowledged is lost or duplicated.
 */
@Component
class AnonymousResponsePool {

	/**
	 * What a pool row seals: the readable row's content, nothing about the person or the
	 * moment.
	 */
	record Pooled(String answers, BigDecimal score, String band, List<String> flags, String hospital, String rotation,
			String pgyBand) {
	}

	private static final SecureRandom RANDOM = new SecureRandom();

	private final JdbcTemplate jdbc;

	private final SecretBox box;

	private final CampaignService campaigns;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final TransactionTemplate tx;

	private final int minBatch;

	private final ObjectMapper json = new ObjectMapper();

	AnonymousResponsePool(JdbcTemplate jdbc, SecretBox box, CampaignService campaigns, ApplicationEventPublisher events,
			Clock clock, PlatformTransactionManager txm,
			@Value("${cpr.survey.anonymous-pool.min-batch:5}") int minBatch) {
		this.jdbc = jdbc;
		this.box = box;
		this.campaigns = campaigns;
		this.events = events;
		this.clock = clock;
		this.tx = new TransactionTemplate(txm);
		this.tx.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
		this.minBatch = Math.max(2, minBatch);
	}

	/** Seals one answer into the pool, inside the caller's (submission) transaction. */
	void add(UUID waveId, Pooled answer) {
		UUID id = UUID.randomUUID();
		jdbc.update("INSERT INTO survey_response_pool (id, wave_id, sealed) VALUES (?,?,?)", id, waveId,
				box.seal(write(answer), context(waveId, id)));
	}

	/** The smallest batch this wave's answers are released in. */
	int batchSize(Campaign c) {
		return Math.max(minBatch, c.minRespondents());
	}

	/** Answers of the wave still waiting in the pool. */
	int pending(UUID waveId) {
		Integer n = jdbc.queryForObject("SELECT COUNT(*) FROM survey_response_pool WHERE wave_id = ?", Integer.class,
				waveId);
		return n == null ? 0 : n;
	}

	/**
	 * Moves all but k answers once the pool holds at least 2k; returns how many became
	 * readable.
	 */
	int flushIfDue(UUID waveId) {
		return flush(waveId, false, false);
	}

	/**
	 * What a submission calls after its commit: the same move as {@link #flushIfDue}, but
	 * it costs a submission one indexed count while the pool holds fewer than 2k answers
	 * (most submissions), and it never waits for another mover of the wave: whoever holds
	 * the wave's lock re-reads the pool under it, and what it did not see stays pooled
	 * for the next submission or the scheduler. Every submitter counts after its own
	 * commit, so the one whose answer brings the pool to 2k sees it.
	 */
	int flushAfterSubmission(Campaign c, UUID waveId) {
		if (c.privacyMode() != PrivacyMode.ANONYMOUS || pending(waveId) < 2 * batchSize(c)) {
			return 0;
		}
		return flush(waveId, false, true);
	}

	/**
	 * After the wave closed no answer can join the pool, so whatever remains is moved.
	 */
	int flushClosed(UUID waveId) {
		return campaigns.wave(waveId)
			.filter(w -> LocalDate.now(clock).isAfter(w.closesOn()))
			.map(w -> flush(waveId, true, false))
			.orElse(0);
	}

	/**
	 * Waves with pooled answers (for the scheduler; the pool is small, so this is cheap).
	 */
	List<UUID> wavesWithPendingAnswers() {
		return jdbc.queryForList("SELECT DISTINCT wave_id FROM survey_response_pool", UUID.class);
	}

	private int flush(UUID waveId, boolean everything, boolean skipIfBusy) {
		Campaign c = campaigns.campaignOfWave(waveId).orElse(null);
		Wave wave = campaigns.wave(waveId).orElse(null);
		if (c == null || wave == null || c.privacyMode() != PrivacyMode.ANONYMOUS) {
			return 0;
		}
		Integer moved = tx.execute(s -> {
			// Serialises movers of this wave across nodes; the count below is read under
			// the lock.
			List<UUID> locked = jdbc.queryForList(
					"SELECT id FROM survey_wave WHERE id = ? FOR UPDATE" + (skipIfBusy ? " SKIP LOCKED" : ""),
					UUID.class, waveId);
			if (locked.isEmpty()) {
				// another mover holds the wave (or it is gone): nothing is lost, it stays
				// pooled
				return 0;
			}
			List<PoolRow> rows = jdbc.query("SELECT id, sealed FROM survey_response_pool WHERE wave_id = ?",
					(rs, i) -> new PoolRow(rs.getObject("id", UUID.class), rs.getString("sealed")), waveId);
			int k = batchSize(c);
			int move = everything ? rows.size() : rows.size() >= 2 * k ? rows.size() - k : 0;
			if (move == 0) {
				return 0;
			}
			List<PoolRow> chosen = new ArrayList<>(rows);
			Collections.shuffle(chosen, RANDOM);
			chosen = new ArrayList<>(chosen.subList(0, move));
			List<Pooled> answers = new ArrayList<>();
			for (PoolRow row : chosen) {
				answers.add(read(box.open(row.sealed(), context(waveId, row.id()))));
			}
			// Deleted in id order, inserted in an independent random order: the WAL pairs
			// nothing.
			chosen.sort(Comparator.comparing(PoolRow::id));
			int[] deleted = jdbc.batchUpdate("DELETE FROM survey_response_pool WHERE id = ?",
					chosen.stream().map(r -> new Object[] { r.id() }).toList());
			for (int d : deleted) {
				if (d == 0) {
					throw new IllegalStateException("a pooled answer was moved twice");
				}
			}
			Collections.shuffle(answers, RANDOM);
			LocalDate today = LocalDate.now(clock);
			LocalDate day = today.isAfter(wave.closesOn()) ? wave.closesOn() : today;
			for (Pooled p : answers) {
				insert(c, waveId, day, p);
			}
			return move;
		});
		return moved == null ? 0 : moved;
	}

	private void insert(Campaign c, UUID waveId, LocalDate day, Pooled p) {
		UUID id = UUID.randomUUID();
		jdbc.update(
				"INSERT INTO survey_response_anon (id, wave_id, submitted_on, hospital, rotation, pgy_band,"
						+ " answers, score, band, flags) VALUES (?,?,?,?,?,?,?,?,?,?)",
				id, waveId, day, p.hospital(), p.rotation(), p.pgyBand(), p.answers(), p.score(), p.band(),
				String.join(",", p.flags()));
		events.publishEvent(new SurveyResponseSubmitted(waveId, id, c.questionnaireId(), c.questionnaireVersion(),
				p.score(), p.band(), p.flags(), PrivacyMode.ANONYMOUS, null));
	}

	private record PoolRow(UUID id, String sealed) {
	}

	private static String context(UUID waveId, UUID poolId) {
		return "survey-pool:" + waveId + ":" + poolId;
	}

	private String write(Pooled p) {
		try {
			return json.writeValueAsString(p);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("pooled answer not serialisable", e);
		}
	}

	private Pooled read(String text) {
		try {
			return json.readValue(text, Pooled.class);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("pooled answer unreadable", e);
		}
	}

}
