package org.cpr.courses.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.disclosure.Suppressed;
import org.cpr.evaluation.CourseMeasures;
import org.cpr.identity.CprUser;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.survey.SurveyCampaigns;
import org.cpr.survey.SurveyConflictException;
import org.cpr.survey.SurveyReports;
import org.cpr.survey.Wave;
import org.cpr.survey.WaveReport;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Each offering's pre/post measure and session ratings for program evaluation, read
 * through the survey engine's reports: the same access rules (the campaign's owner and
 * the leaders of its audience) and the same disclosure rounds (one per wave) as the
 * course's own evaluation page, so evaluation shows nothing that page would not. Only
 * closed waves count (a row does not move after it was first shown), and a pre/post row
 * has figures only when both waves' overall scores were released.
 */
@Component
class CourseMeasuresSource implements CourseMeasures {

	private final JdbcClient jdbc;

	private final SurveyReports reports;

	private final QuestionnaireLibrary library;

	private final SurveyCampaigns campaigns;

	private final Clock clock;

	CourseMeasuresSource(JdbcClient jdbc, SurveyReports reports, SurveyCampaigns campaigns,
			QuestionnaireLibrary library, Clock clock) {
		this.jdbc = jdbc;
		this.campaigns = campaigns;
		this.reports = reports;
		this.library = library;
		this.clock = clock;
	}

	@Override
	@Transactional
	public List<CourseMeasure> measures(LocalDate from, LocalDate toExclusive, CprUser viewer) {
		LocalDate today = LocalDate.now(clock);
		List<CourseMeasure> out = new ArrayList<>();
		jdbc.sql("""
				SELECT p.offering_id, o.title, p.pre_wave_id, p.post_wave_id FROM course_prepost p
				JOIN course_offering o ON o.id = p.offering_id ORDER BY o.title, p.offering_id""")
			.query((rs,
					i) -> new Object[] { rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
							rs.getObject(4, UUID.class) })
			.list()
			.forEach(
					r -> prePost((UUID) r[0], (String) r[1], (UUID) r[2], (UUID) r[3], from, toExclusive, today, viewer)
						.ifPresent(out::add));
		Map<UUID, String> titles = new LinkedHashMap<>();
		Map<UUID, List<UUID>> waves = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT o.id, o.title, v.wave_id FROM course_session_evaluation v
				JOIN course_session s ON s.id = v.session_id JOIN course_offering o ON o.id = s.offering_id
				WHERE s.starts_at >= ? AND s.starts_at < ? ORDER BY o.title, o.id, s.starts_at""")
			.params(start(from), start(toExclusive))
			.query((rs, i) -> {
				UUID id = rs.getObject(1, UUID.class);
				titles.putIfAbsent(id, rs.getString(2));
				waves.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getObject(3, UUID.class));
				return id;
			})
			.list();
		waves.forEach(
				(offering, list) -> ratings(offering, titles.get(offering), list, today, viewer).ifPresent(out::add));
		return out;
	}

	private Optional<CourseMeasure> prePost(UUID offering, String title, UUID pre, UUID post, LocalDate from,
			LocalDate toExclusive, LocalDate today, CprUser viewer) {
		LocalDate closes = campaigns.wave(post).map(Wave::closesOn).orElse(null);
		if (closes == null || closes.isBefore(from) || !closes.isBefore(toExclusive) || !closes.isBefore(today)) {
			return Optional.empty();
		}
		WaveReport before;
		WaveReport after;
		try {
			after = reports.report(viewer, post);
			before = reports.report(viewer, pre);
		}
		catch (SurveyConflictException notForThisViewer) {
			return Optional.empty();
		}
		String questionnaire = questionnaire(after);
		CellResult b = overall(before);
		CellResult a = overall(after);
		for (CellResult r : Arrays.asList(b, a)) {
			if (!(r instanceof Released released && released.statistic() instanceof Statistic.NumericSummary)) {
				return Optional.of(withheld(offering, title, questionnaire, Kind.PREPOST, r));
			}
		}
		return Optional
			.of(new CourseMeasure(offering, title, questionnaire, Kind.PREPOST, figure(b), figure(a), 0, null, null));
	}

	/**
	 * The session ratings pooled over the closed sessions whose overall figure was
	 * released: n, mean and the pooled SD from the released figures only.
	 */
	private Optional<CourseMeasure> ratings(UUID offering, String title, List<UUID> waves, LocalDate today,
			CprUser viewer) {
		List<Figure> released = new ArrayList<>();
		CellResult lastWithheld = null;
		String questionnaire = null;
		boolean any = false;
		for (UUID wave : waves) {
			if (!campaigns.wave(wave).map(w -> w.closesOn().isBefore(today)).orElse(false)) {
				continue;
			}
			WaveReport report;
			try {
				report = reports.report(viewer, wave);
			}
			catch (SurveyConflictException notForThisViewer) {
				continue;
			}
			any = true;
			questionnaire = questionnaire == null ? questionnaire(report) : questionnaire;
			CellResult r = overall(report);
			if (r instanceof Released rel && rel.statistic() instanceof Statistic.NumericSummary) {
				released.add(figure(r));
			}
			else {
				lastWithheld = r;
			}
		}
		if (!any) {
			return Optional.empty();
		}
		if (released.isEmpty()) {
			return Optional.of(withheld(offering, title, questionnaire, Kind.SESSION_RATINGS, lastWithheld));
		}
		return Optional.of(new CourseMeasure(offering, title, questionnaire, Kind.SESSION_RATINGS, null,
				pooled(released), released.size(), null, null));
	}

	/** Several released figures as one: total n, weighted mean, pooled sample SD. */
	static Figure pooled(List<Figure> figures) {
		long n = 0;
		double sum = 0;
		for (Figure f : figures) {
			n += f.n();
			sum += f.n() * f.mean();
		}
		double mean = sum / n;
		double squares = 0;
		for (Figure f : figures) {
			squares += (f.n() - 1) * f.standardDeviation() * f.standardDeviation()
					+ f.n() * (f.mean() - mean) * (f.mean() - mean);
		}
		return new Figure(n, mean, n > 1 ? Math.sqrt(squares / (n - 1)) : 0);
	}

	private static CourseMeasure withheld(UUID offering, String title, String questionnaire, Kind kind, CellResult r) {
		if (r instanceof Suppressed s) {
			return new CourseMeasure(offering, title, questionnaire, kind, null, null, 0, s.messageKey(),
					s.messageArguments() == null ? List.of() : Arrays.asList(s.messageArguments()));
		}
		return new CourseMeasure(offering, title, questionnaire, kind, null, null, 0, "survey.change.notYet",
				List.of());
	}

	private static Figure figure(CellResult r) {
		Released released = (Released) r;
		Statistic.NumericSummary s = (Statistic.NumericSummary) released.statistic();
		return new Figure(released.respondents(), s.mean(), s.standardDeviation());
	}

	private static CellResult overall(WaveReport report) {
		return report.scores()
			.stream()
			.filter(row -> "all".equals(row.key()))
			.map(WaveReport.Row::result)
			.findFirst()
			.orElse(null);
	}

	private String questionnaire(WaveReport report) {
		return library.latestPublished(report.campaign().questionnaireId())
			.map(QuestionnaireVersion::title)
			.orElse(report.campaign().questionnaireId());
	}

	private Timestamp start(LocalDate day) {
		return Timestamp.from(day.atStartOfDay(clock.getZone()).toInstant());
	}

}
