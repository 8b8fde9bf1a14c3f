package org.cpr.survey.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
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
import org.cpr.disclosure.SuppressionReason;
import org.cpr.identity.CprUser;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.Scoring;
import org.cpr.questionnaire.ScoringSpec;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.survey.Campaign;
import org.cpr.survey.ReportCell;
import org.cpr.survey.ResponseRate;
import org.cpr.survey.ScoreChange;
import org.cpr.survey.SubmissionContext;
import org.cpr.survey.SurveyConflictException;
import org.cpr.survey.SurveyReports;
import org.cpr.survey.Wave;
import org.cpr.survey.WaveReport;
import org.cpr.survey.WaveReport.Choice;
import org.cpr.survey.WaveReport.CommentBlock;
import org.cpr.survey.WaveReport.ItemRow;
import org.cpr.survey.WaveReport.Row;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;

/**
 * The per-wave report. Every figure goes through the {@link DisclosureGate}: the main
 * score overall, by group (hospital for anonymous campaigns, the respondent's program or
 * department for identified ones) and by PGY band; each choice item's distribution;
 * free-text comments. Nothing is computed for display outside the gate.
 *
 * <p>
 * Two ways to feed the gate. Up to {@link #RESPONDENT_LIMIT} responses, every response is
 * a unit keyed by its random id, so the gate's ledger sees every earlier release to this
 * viewer in the wave and refuses any figure that would isolate fewer than the threshold
 * (including "before and after one more response"). Above it, only a closed wave is
 * reported, from base cells (one SQL GROUP BY over a covering index), because a live
 * report of a huge wave cannot be made both fast and difference-safe; item details are
 * then omitted.
 */
@Service
class WaveReportService implements SurveyReports {

	static final int RESPONDENT_LIMIT = 20_000;

	private final JdbcTemplate jdbc;

	private final DisclosureGate gate;

	private final CampaignService campaigns;

	private final InstrumentScorer scorer;

	private final Scoring scoring;

	private final GroupLabels labels;

	private final Clock clock;

	private final MessageSource messages;

	private final ReportAccess access;

	private final InvitationService invitations;

	private final ConsecutiveWaves consecutive;

	private final ObjectMapper json = new ObjectMapper();

	private final AnonymousResponsePool pool;

	private final LargeWaveBaseCells baseCells;

	WaveReportService(JdbcTemplate jdbc, DisclosureGate gate, CampaignService campaigns, InstrumentScorer scorer,
			Scoring scoring, GroupLabels labels, Clock clock, MessageSource messages, ReportAccess access,
			InvitationService invitations, ConsecutiveWaves consecutive, AnonymousResponsePool pool,
			LargeWaveBaseCells baseCells) {
		this.baseCells = baseCells;
		this.pool = pool;
		this.consecutive = consecutive;
		this.messages = messages;
		this.access = access;
		this.invitations = invitations;
		this.jdbc = jdbc;
		this.gate = gate;
		this.campaigns = campaigns;
		this.scorer = scorer;
		this.scoring = scoring;
		this.labels = labels;
		this.clock = clock;
	}

	@Override
	public List<ReportCell> meanScoreByHospital(CprUser user, UUID waveId) {
		return report(user, waveId).scores().stream().map(this::cell).toList();
	}

	@Override
	public ScoreChange change(CprUser user, UUID beforeWave, UUID afterWave) {
		UUID campaign = campaigns.campaignOfWave(beforeWave).map(Campaign::id).orElse(null);
		if (campaign == null || !campaign.equals(campaigns.campaignOfWave(afterWave).map(Campaign::id).orElse(null))) {
			throw new SurveyConflictException(404, "survey.wave.notFound");
		}
		CellResult before = overall(report(user, beforeWave));
		CellResult after = overall(report(user, afterWave));
		for (CellResult r : java.util.Arrays.asList(before, after)) {
			if (r == null) {
				return ScoreChange.withheld(beforeWave, afterWave, "survey.change.notYet");
			}
			if (r instanceof Suppressed s) {
				return ScoreChange.withheld(beforeWave, afterWave, s.messageKey(), s.messageArguments());
			}
		}
		Released b = (Released) before;
		Released a = (Released) after;
		if (b.statistic() instanceof Statistic.NumericSummary sb
				&& a.statistic() instanceof Statistic.NumericSummary sa) {
			return new ScoreChange(beforeWave, afterWave, false, b.respondents(), sb.mean(), a.respondents(), sa.mean(),
					null, null);
		}
		if (b.statistic() instanceof Statistic.ScreenCount sb && a.statistic() instanceof Statistic.ScreenCount sa) {
			return new ScoreChange(beforeWave, afterWave, true, b.respondents(), sb.percentage(), a.respondents(),
					sa.percentage(), null, null);
		}
		return ScoreChange.withheld(beforeWave, afterWave, "survey.change.notYet");
	}

	/**
	 * The overall score cell of a report, or null when the report has none (unscored, or
	 * a large open wave).
	 */
	private static CellResult overall(WaveReport report) {
		return report.scores().stream().filter(r -> "all".equals(r.key())).map(Row::result).findFirst().orElse(null);
	}

	/**
	 * The wave's response rates, to the same people as its report (404 for anyone else).
	 */
	@Override
	public List<ResponseRate> rates(CprUser user, UUID waveId) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.filter(found -> access.roleFor(user, found).isPresent())
			.orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		return invitations.rates(waveId, c.minRespondents());
	}

	/**
	 * The wave's report as this user may see it: only the campaign's owner and the
	 * leaders of its audience ({@link ReportAccess}); anyone else gets the same 404 as
	 * for a wave that does not exist.
	 */
	@Override
	public WaveReport report(CprUser user, UUID waveId) {
		Campaign c = campaigns.campaignOfWave(waveId)
			.orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		Role role = access.roleFor(user, c).orElseThrow(() -> new SurveyConflictException(404, "survey.wave.notFound"));
		return report(user.personId(), role, c, waveId);
	}

	private WaveReport report(PersonId viewer, Role role, Campaign c, UUID waveId) {
		Wave wave = campaigns.wave(waveId).orElseThrow();
		DisclosurePolicy policy = DisclosurePolicy.defaults()
			.strengthen(c.minRespondents(), c.minComments(), DisclosurePolicy.DEFAULT_MIN_POSITIVE_COUNT);
		boolean anon = !c.privacyMode().identified();
		String table = anon ? "survey_response_anon" : "survey_response_identified";
		if (anon) {
			// A closed wave's last pooled answers become readable before anything is
			// counted or stored.
			pool.flushClosed(waveId);
		}
		Long n = jdbc.queryForObject("SELECT COUNT(*) FROM " + table + " WHERE wave_id = ?", Long.class, waveId);
		long responses = n == null ? 0 : n;
		boolean closed = LocalDate.now(clock).isAfter(wave.closesOn());
		ScoringSpec spec = scoring.spec(scorer.version(c));
		Shape shape = shape(c, anon, spec);
		if (responses > RESPONDENT_LIMIT) {
			if (!closed) {
				return new WaveReport(c, wave, responses, true, true, List.of(), List.of(), List.of(), policy,
						shape.screen());
			}
			return new WaveReport(c, wave, responses, true, false,
					baseCellScores(viewer, role, waveId, policy, anon, shape), List.of(), List.of(), policy,
					shape.screen());
		}
		return respondentReport(viewer, role, c, wave, responses, policy, anon, shape);
	}

	/**
	 * What the report consists of, from definitions only: the groups (the campus's
	 * hospitals for anonymous campaigns, the org units of the campaign's roster for
	 * identified ones, plus "not stated"), the PGY bands a respondent may give, whether
	 * the questionnaire has a score and whether it is a health screen. Never from which
	 * values happen to occur in the responses.
	 */
	record Shape(List<String> groups, List<String> pgyBands, boolean scored, boolean screen) {
	}

	private Shape shape(Campaign c, boolean anon, ScoringSpec spec) {
		List<String> groups = new ArrayList<>(
				anon ? labels.hospitals().stream().map(org.cpr.identity.OrgUnitSummary::code).toList()
						: jdbc.queryForList(
								"SELECT DISTINCT CAST(org_unit_id AS VARCHAR) FROM survey_roster WHERE campaign_id = ?"
										+ " AND org_unit_id IS NOT NULL ORDER BY 1",
								String.class, c.id()));
		groups.add(UNKNOWN);
		boolean scored = spec.method() != ScoringSpec.Method.NONE || spec.scoreFrom() != null;
		return new Shape(List.copyOf(groups), anon ? SubmissionContext.PGY_BANDS : List.of(), scored,
				spec.healthScreen());
	}

	static final String UNKNOWN = "unknown";

	// ---- base cells (large closed waves)
	// -------------------------------------------------------

	private List<Row> baseCellScores(PersonId viewer, Role role, UUID waveId, DisclosurePolicy policy, boolean anon,
			Shape shape) {
		if (shape.screen()) {
			return scoreRows(viewer, role, waveId + ":base", policy, baseCells.screens(waveId, anon, shape),
					MeasureType.POSITIVE_SCREEN);
		}
		return scoreRows(viewer, role, waveId + ":base", policy, baseCells.scores(waveId, anon, shape),
				MeasureType.NUMERIC);
	}

	// ---- respondent units
	// ----------------------------------------------------------------------

	private WaveReport respondentReport(PersonId viewer, Role role, Campaign c, Wave wave, long responses,
			DisclosurePolicy policy, boolean anon, Shape shape) {
		UUID waveId = wave.id();
		String sql = anon
				? "SELECT CAST(id AS VARCHAR) AS id, hospital AS grp, pgy_band AS pgy, score, flags, answers"
						+ " FROM survey_response_anon WHERE wave_id = ? ORDER BY id"
				: "SELECT CAST(i.id AS VARCHAR) AS id, CAST(r.org_unit_id AS VARCHAR) AS grp, NULL AS pgy, i.score, i.flags, i.answers"
						+ " FROM survey_response_identified i JOIN survey_wave w ON w.id = i.wave_id"
						+ " LEFT JOIN survey_roster r ON r.campaign_id = w.campaign_id AND r.person_id = i.person_id"
						+ " WHERE i.wave_id = ? ORDER BY i.id";
		FormView form = scoring.form(scorer.version(c));
		Groups groups = new Groups(shape);
		Map<String, List<Contribution>> itemUnits = new LinkedHashMap<>();
		Map<String, List<Contribution>> commentUnits = new LinkedHashMap<>();
		jdbc.query(sql, rs -> {
			String id = rs.getString("id");
			if (rs.getObject("score") != null) {
				String flags = rs.getString("flags");
				boolean positive = flags != null && List.of(flags.split(",")).contains("POSITIVE");
				groups.add(rs.getString("grp"), rs.getString("pgy"), shape.screen() ? Contribution.screen(id, positive)
						: Contribution.value(id, rs.getDouble("score")));
			}
			JsonNode answers = parse(rs.getString("answers"));
			for (FormView.Item item : form.items()) {
				JsonNode a = answers.get(item.linkId());
				if (a == null || a.isNull()) {
					continue;
				}
				if (isChoice(item) && a.isNumber()) {
					itemUnits.computeIfAbsent(item.linkId(), k -> new ArrayList<>())
						.add(Contribution.value(id, a.asDouble()));
				}
				else if (isText(item) && a.isTextual() && !a.asText().isBlank()) {
					commentUnits.computeIfAbsent(item.linkId(), k -> new ArrayList<>())
						.add(Contribution.comment(id, a.asText()));
				}
			}
		}, waveId);
		String round = waveId.toString();
		List<Row> scores = !shape.scored() ? List.of() : scoreRows(viewer, role, round, policy, groups,
				shape.screen() ? MeasureType.POSITIVE_SCREEN : MeasureType.NUMERIC);
		List<ItemRow> items = new ArrayList<>();
		List<CommentBlock> comments = new ArrayList<>();
		for (FormView.Item item : form.items()) {
			if (isChoice(item) && shape.screen()) {
				// A single answer of a health screen (PHQ-9 item 9 above all) is never
				// shown by group.
				items.add(new ItemRow(item.linkId(), item.text(),
						new Suppressed("all", SuppressionReason.NOT_FOR_HEALTH_SCREENS, 0, null), List.of()));
			}
			else if (isChoice(item)) {
				List<Contribution> units = itemUnits.getOrDefault(item.linkId(), List.of());
				CellResult r = single(viewer, role, round, "item:" + item.linkId(), MeasureType.NUMERIC, policy, units);
				items.add(new ItemRow(item.linkId(), item.text(), r, choices(item, r)));
			}
			else if (isText(item)) {
				List<Contribution> units = commentUnits.getOrDefault(item.linkId(), List.of());
				comments.add(new CommentBlock(item.linkId(), item.text(),
						single(viewer, role, round, "comments:" + item.linkId(), MeasureType.COMMENTS, policy, units)));
			}
		}
		if (consecutive.hiddenBehindPreviousWave(wave, policy)) {
			return new WaveReport(c, wave, responses, false, false, hidden(scores, policy), hiddenItems(items, policy),
					hiddenComments(comments, policy), policy, shape.screen());
		}
		return new WaveReport(c, wave, responses, false, false, scores, items, comments, policy, shape.screen());
	}

	// I-4: the same shape, every cell withheld (the earlier wave stays the one shown).
	private static Suppressed longitudinal(String key, DisclosurePolicy policy) {
		return new Suppressed(key, SuppressionReason.PROTECTS_ANOTHER_GROUP, policy.minRespondents(), null);
	}

	private static List<Row> hidden(List<Row> rows, DisclosurePolicy policy) {
		return rows.stream()
			.map(r -> new Row(r.key(), r.label(), longitudinal(r.key(), policy), r.parentLabel()))
			.toList();
	}

	private static List<ItemRow> hiddenItems(List<ItemRow> items, DisclosurePolicy policy) {
		return items.stream()
			.map(i -> new ItemRow(i.linkId(), i.text(),
					i.result() instanceof Suppressed s ? s : longitudinal("all", policy), List.of()))
			.toList();
	}

	private static List<CommentBlock> hiddenComments(List<CommentBlock> blocks, DisclosurePolicy policy) {
		return blocks.stream()
			.map(b -> new CommentBlock(b.linkId(), b.text(),
					b.result() instanceof Suppressed s ? s : longitudinal("all", policy)))
			.toList();
	}

	private List<Row> scoreRows(PersonId viewer, Role role, String round, DisclosurePolicy policy, Groups groups,
			MeasureType type) {
		List<CellRequest> cells = new ArrayList<>();
		List<String[]> meta = new ArrayList<>();
		String allLabel = labels.all();
		cells.add(new CellRequest("all", null, 0, List.of(), groups.all));
		meta.add(new String[] { allLabel, null });
		groups.byGroup.forEach((g, list) -> {
			cells.add(new CellRequest("group:" + g, "all", 1, List.of("group"), list));
			meta.add(new String[] { labels.group(g), allLabel });
		});
		groups.byPgy.forEach((p, list) -> {
			cells.add(new CellRequest("pgy:" + p, "all", 1, List.of("pgy"), list));
			meta.add(new String[] { labels.pgy(p), allLabel });
		});
		List<CellResult> results = gate
			.evaluate(new DisclosureRequest(viewer, role, round, "score", type, policy, cells));
		List<Row> rows = new ArrayList<>();
		for (int i = 0; i < results.size(); i++) {
			rows.add(new Row(results.get(i).cellKey(), meta.get(i)[0], results.get(i), meta.get(i)[1]));
		}
		return rows;
	}

	private CellResult single(PersonId viewer, Role role, String round, String measure, MeasureType type,
			DisclosurePolicy policy, List<Contribution> units) {
		return gate
			.evaluate(new DisclosureRequest(viewer, role, round, measure, type, policy,
					List.of(new CellRequest("all", null, 0, List.of(), units))))
			.get(0);
	}

	private static List<Choice> choices(FormView.Item item, CellResult r) {
		if (!(r instanceof Released rel) || !(rel.statistic() instanceof Statistic.NumericSummary s)) {
			return List.of();
		}
		List<Choice> out = new ArrayList<>();
		for (FormView.Option o : item.options()) {
			Long count = null;
			try {
				count = s.distribution().getOrDefault(Double.parseDouble(o.value()), 0L);
			}
			catch (NumberFormatException e) {
				count = null;
			}
			out.add(new Choice(o.label(), count));
		}
		return out;
	}

	private static boolean isChoice(FormView.Item item) {
		return "CHOICE".equals(item.kind()) && !item.options().isEmpty();
	}

	private static boolean isText(FormView.Item item) {
		return "STRING".equals(item.kind()) || "TEXT".equals(item.kind());
	}

	private JsonNode parse(String text) {
		try {
			return json.readTree(text == null ? "{}" : text);
		}
		catch (com.fasterxml.jackson.core.JsonProcessingException e) {
			return json.createObjectNode();
		}
	}

	private ReportCell cell(Row row) {
		CellResult r = row.result();
		String group = row.key().startsWith("group:") ? "hospital:" + row.key().substring(6) : row.key();
		if (r instanceof Released rel && rel.statistic() instanceof Statistic.NumericSummary s) {
			return new ReportCell(group, true, rel.respondents(), s.mean(), s.distribution(), null, null, null);
		}
		if (r instanceof Released rel && rel.statistic() instanceof Statistic.ScreenCount s) {
			return new ReportCell(group, true, rel.respondents(), null, null, s.positives(), s.percentage(), null);
		}
		Suppressed s = (Suppressed) r;
		return new ReportCell(group, false, null, null, null, null, null,
				messages.getMessage(s.messageKey(), s.messageArguments(), LocaleContextHolder.getLocale()));
	}

	/**
	 * Contributions by group and PGY band. The rows are the shape's, present even when
	 * empty; a value outside the shape (or none) counts as "not stated", an unknown PGY
	 * band in no band.
	 */
	static final class Groups {

		final List<Contribution> all = new ArrayList<>();

		final Map<String, List<Contribution>> byGroup = new LinkedHashMap<>();

		final Map<String, List<Contribution>> byPgy = new LinkedHashMap<>();

		Groups(Shape shape) {
			shape.groups().forEach(g -> byGroup.put(g, new ArrayList<>()));
			shape.pgyBands().forEach(p -> byPgy.put(p, new ArrayList<>()));
		}

		void add(String group, String pgy, Contribution c) {
			all.add(c);
			byGroup.getOrDefault(group, byGroup.get(UNKNOWN)).add(c);
			if (pgy != null && byPgy.containsKey(pgy)) {
				byPgy.get(pgy).add(c);
			}
		}

	}

}
