package org.cpr.cqi;

import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.disclosure.Suppressed;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.OrgUnitId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Counts of speak-up reports per hospital, quarter and category, and the quotes that may
 * go with them, all decided by the {@link DisclosureGate}. The units handed to the gate
 * are base cells (category × weekly review batch) whose counts never change once the
 * batch has opened, so the gate's anti-differencing holds across page views as new
 * batches arrive.
 */
@Service
class SpeakUpCounts {

	static final String COUNT_MEASURE = "speakup.reports";
	static final String QUOTE_MEASURE = "speakup.quotes";

	/** Joins several quotes onto one base cell: the gate carries one comment per unit. */
	private static final String JOIN = "\u241E";

	private final JdbcClient jdbc;

	private final DisclosureGate gate;

	private final IdentityManagement identity;

	private final Clock clock;

	private final SpeakUpChannel channel;

	SpeakUpCounts(JdbcClient jdbc, DisclosureGate gate, IdentityManagement identity, Clock clock,
			SpeakUpChannel channel) {
		this.channel = channel;
		this.jdbc = jdbc;
		this.gate = gate;
		this.identity = identity;
		this.clock = clock;
	}

	@Transactional // not read-only: the disclosure gate records what it released
	public ReportCounts count(CqiViewer viewer, OrgUnitId hospital, Quarter quarter) {
		return count(viewer, hospital, quarter, identity.subtree(hospital));
	}

	ReportCounts count(CqiViewer viewer, OrgUnitId hospital, Quarter quarter, Set<OrgUnitId> scope) {
		Map<CqiCategory, List<Contribution>> cells = baseCells(scope, quarter, null);
		List<Contribution> all = new ArrayList<>();
		List<CellRequest> requests = new ArrayList<>();
		cells.values().forEach(all::addAll);
		requests.add(new CellRequest("total", null, 0, List.of(), all));
		for (CqiCategory c : CqiCategory.values()) {
			requests.add(new CellRequest("category:" + c, "total", 1, List.of("category"),
					cells.getOrDefault(c, List.of())));
		}
		List<CellResult> results = gate.evaluate(new DisclosureRequest(viewer.person(), viewer.role(),
				round(hospital, quarter), COUNT_MEASURE, MeasureType.NUMERIC, DisclosurePolicy.defaults(), requests));
		Map<CqiCategory, GatedCount> byCategory = new EnumMap<>(CqiCategory.class);
		for (int i = 1; i < results.size(); i++) {
			byCategory.put(CqiCategory.values()[i - 1], gated(results.get(i)));
		}
		return new ReportCounts(quarter, gated(results.get(0)), byCategory);
	}

	/**
	 * One category's count alone, as item evidence shows it. Asked on its own (not beside
	 * the hospital total) so a small sibling category does not force it to be hidden; the
	 * gate still hides it if this principal was already shown figures it could be
	 * subtracted from.
	 */
	@Transactional // not read-only: the disclosure gate records what it released
	public GatedCount category(CqiViewer viewer, OrgUnitId hospital, Quarter quarter, CqiCategory category) {
		List<Contribution> units = baseCells(identity.subtree(hospital), quarter, category).getOrDefault(category,
				List.of());
		return gated(gate
			.evaluate(new DisclosureRequest(viewer.person(), viewer.role(), round(hospital, quarter), COUNT_MEASURE,
					MeasureType.NUMERIC, DisclosurePolicy.defaults(),
					List.of(new CellRequest("category:" + category, null, 0, List.of("category"), units))))
			.get(0));
	}

	/**
	 * Released quotes of an item, shown only when the item's evidence group (reports of
	 * its category at its hospital in the quarter) is large enough for free text (10 by
	 * default).
	 */
	@Transactional // not read-only: the disclosure gate records what it released
	public QuoteRelease quotes(CqiViewer viewer, OrgUnitId hospital, CqiCategory category, Quarter quarter,
			List<String> quotes) {
		if (quotes.isEmpty()) {
			return new QuoteRelease(List.of(), null, 0);
		}
		List<Contribution> units = baseCells(identity.subtree(hospital), quarter, category).getOrDefault(category,
				List.of());
		List<Contribution> withText = new ArrayList<>();
		for (int i = 0; i < units.size(); i++) {
			StringBuilder text = new StringBuilder();
			for (int q = i; q < quotes.size(); q += units.size()) {
				text.append(text.isEmpty() ? "" : JOIN).append(quotes.get(q).replace(JOIN, " "));
			}
			Contribution u = units.get(i);
			withText.add(new Contribution(u.unit(), u.count(), u.sum(), u.sumOfSquares(), 0, text.toString()));
		}
		CellResult result = gate
			.evaluate(new DisclosureRequest(viewer.person(), viewer.role(), round(hospital, quarter), QUOTE_MEASURE,
					MeasureType.COMMENTS, DisclosurePolicy.defaults(),
					List.of(new CellRequest("category:" + category, null, 0, List.of("category"), withText))))
			.get(0);
		if (result instanceof Released r && r.statistic() instanceof Statistic.CommentList list) {
			List<String> shown = new ArrayList<>();
			list.comments().forEach(c -> shown.addAll(List.of(c.split(JOIN))));
			java.util.Collections.shuffle(shown);
			return new QuoteRelease(shown, null, 0);
		}
		Suppressed s = (Suppressed) result;
		return new QuoteRelease(List.of(), s.messageKey(), s.threshold());
	}

	/** Released quote texts in random order, or why they are withheld. */
	public record QuoteRelease(List<String> shown, String withheldKey, int threshold) {
		public boolean withheld() {
			return withheldKey != null;
		}

		public Object[] messageArguments() {
			return new Object[] { threshold };
		}
	}

	private Map<CqiCategory, List<Contribution>> baseCells(Set<OrgUnitId> scope, Quarter quarter, CqiCategory only) {
		Map<CqiCategory, List<Contribution>> cells = new LinkedHashMap<>();
		if (scope.isEmpty()) {
			return cells;
		}
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		// Anonymous reports wait sealed until their weekly batch; a due batch is written
		// before counting.
		channel.releaseDueReports();
		List<UUID> units = scope.stream().map(OrgUnitId::value).toList();
		String sql = """
				SELECT category, reviewable_from, COUNT(*) AS n FROM cqi_report
				WHERE hospital_id IN (:units) AND submitted_on >= :from AND submitted_on < :to AND reviewable_from <= :today
				"""
				+ (only == null ? "" : " AND category = :category ") + " GROUP BY category, reviewable_from";
		JdbcClient.StatementSpec spec = jdbc.sql(sql)
			.param("units", units)
			.param("from", Date.valueOf(quarter.start()))
			.param("to", Date.valueOf(quarter.end()))
			.param("today", Date.valueOf(today));
		if (only != null) {
			spec = spec.param("category", only.name());
		}
		spec.query(rs -> {
			CqiCategory category = CqiCategory.valueOf(rs.getString(1));
			long n = rs.getLong(3);
			cells.computeIfAbsent(category, k -> new ArrayList<>())
				.add(Contribution.aggregate(category + "|" + rs.getDate(2).toLocalDate(), n, n, n, 0));
		});
		return cells;
	}

	private static String round(OrgUnitId hospital, Quarter quarter) {
		return "cqi-speakup:" + hospital.value() + ":" + quarter.key();
	}

	private static GatedCount gated(CellResult result) {
		if (result instanceof Released r) {
			return GatedCount.shown(r.respondents());
		}
		Suppressed s = (Suppressed) result;
		return GatedCount.hidden(s.messageKey(), s.threshold());
	}

}
