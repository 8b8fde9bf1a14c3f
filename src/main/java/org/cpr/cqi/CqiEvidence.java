package org.cpr.cqi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Evidence on register items. A count is stored as its definition and computed through
 * the gate each time it is shown; a quote is a redacted text that stays a draft, seen by
 * CQI reviewers only, until a reviewer releases it. Nothing here points back to a report
 * (I-12).
 */
@Service
class CqiEvidence {

	public static final int MAX_QUOTE = 2000;

	private final JdbcClient jdbc;

	private final SpeakUpCounts counts;

	private final IdentityManagement identity;

	private final AuditPort audit;

	CqiEvidence(JdbcClient jdbc, SpeakUpCounts counts, IdentityManagement identity, AuditPort audit) {
		this.jdbc = jdbc;
		this.counts = counts;
		this.identity = identity;
		this.audit = audit;
	}

	@Transactional
	public void addCount(UUID item, OrgUnitId hospital, CqiCategory category, Quarter quarter, PersonId by) {
		requireItem(item);
		jdbc.sql(
				"INSERT INTO cqi_evidence_count (id, item_id, hospital_id, category, quarter_start) VALUES (?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), item, hospital.value(), category.name(), java.sql.Date.valueOf(quarter.start()))
			.update();
		audit.record(AuditEntry.success(by, "CQI_EVIDENCE_COUNT_ADDED", "cqi_item", item.toString()));
	}

	/** A redacted quote, held as a draft until a reviewer releases it. */
	@Transactional
	public UUID addQuote(UUID item, String text, PersonId by) {
		requireItem(item);
		UUID id = UUID.randomUUID();
		jdbc.sql("INSERT INTO cqi_evidence_quote (id, item_id, body, status) VALUES (?, ?, ?, 'DRAFT')")
			.params(id, item, text.strip())
			.update();
		audit.record(AuditEntry.success(by, "CQI_EVIDENCE_QUOTE_ADDED", "cqi_item", item.toString()));
		return id;
	}

	/**
	 * Releases one quote of one item; false when there is no such draft (a guessed or
	 * foreign id).
	 */
	@Transactional
	public boolean releaseQuote(UUID item, UUID quote, PersonId reviewer) {
		int changed = jdbc
			.sql("UPDATE cqi_evidence_quote SET status = 'RELEASED' WHERE id = ? AND item_id = ? AND status = 'DRAFT'")
			.params(quote, item)
			.update();
		if (changed == 1) {
			audit.record(AuditEntry.success(reviewer, "CQI_EVIDENCE_QUOTE_RELEASED", "cqi_item", item.toString()));
		}
		return changed == 1;
	}

	@Transactional
	public boolean withdrawQuote(UUID item, UUID quote, PersonId reviewer) {
		int changed = jdbc.sql("DELETE FROM cqi_evidence_quote WHERE id = ? AND item_id = ?")
			.params(quote, item)
			.update();
		if (changed == 1) {
			audit.record(AuditEntry.success(reviewer, "CQI_EVIDENCE_QUOTE_WITHDRAWN", "cqi_item", item.toString()));
		}
		return changed == 1;
	}

	/**
	 * The evidence this viewer may see. Quotes are shown for the item's first count
	 * definition's group only (hospital, category, quarter), and only when that group
	 * holds enough reports.
	 */
	@Transactional // not read-only: the disclosure gate records what it released
	public ItemEvidence of(UUID item, CqiViewer viewer, boolean reviewer) {
		Map<OrgUnitId, String> names = identity.orgUnits()
			.stream()
			.collect(Collectors.toMap(OrgUnitSummary::id, OrgUnitSummary::name));
		List<Definition> definitions = jdbc.sql(
				"SELECT hospital_id, category, quarter_start FROM cqi_evidence_count WHERE item_id = ? ORDER BY quarter_start, category")
			.param(item)
			.query((rs, n) -> new Definition(new OrgUnitId(rs.getObject(1, UUID.class)),
					CqiCategory.valueOf(rs.getString(2)), Quarter.of(rs.getDate(3).toLocalDate())))
			.list();
		List<ItemEvidence.CountLine> lines = new ArrayList<>();
		for (Definition d : definitions) {
			lines.add(new ItemEvidence.CountLine(names.getOrDefault(d.hospital(), "—"), d.category(), d.quarter(),
					counts.category(viewer, d.hospital(), d.quarter(), d.category())));
		}
		List<String> released = jdbc
			.sql("SELECT body FROM cqi_evidence_quote WHERE item_id = ? AND status = 'RELEASED'")
			.param(item)
			.query(String.class)
			.list();
		SpeakUpCounts.QuoteRelease quotes;
		if (released.isEmpty()) {
			quotes = new SpeakUpCounts.QuoteRelease(List.of(), null, 0);
		}
		else if (definitions.isEmpty()) {
			quotes = new SpeakUpCounts.QuoteRelease(List.of(), "cqi2.evidence.quotes.needCount", 0);
		}
		else {
			Definition d = definitions.get(0);
			quotes = counts.quotes(viewer, d.hospital(), d.category(), d.quarter(), released);
		}
		List<ItemEvidence.DraftQuote> drafts = reviewer ? jdbc
			.sql("SELECT id, body FROM cqi_evidence_quote WHERE item_id = ? AND status = 'DRAFT' ORDER BY body")
			.param(item)
			.query((rs, n) -> new ItemEvidence.DraftQuote(rs.getObject(1, UUID.class), rs.getString(2)))
			.list() : List.of();
		return new ItemEvidence(lines, quotes, drafts);
	}

	private void requireItem(UUID item) {
		if (jdbc.sql("SELECT COUNT(*) FROM cqi_item WHERE id = ?").param(item).query(Integer.class).single() == 0) {
			throw new ImprovementRegister.RefusedException("cqi.error.notFound");
		}
	}

	private record Definition(OrgUnitId hospital, CqiCategory category, Quarter quarter) {
	}

}
