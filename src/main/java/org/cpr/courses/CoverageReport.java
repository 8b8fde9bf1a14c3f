package org.cpr.courses;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.curriculum.Competency;
import org.cpr.curriculum.CurriculumPlan;
import org.cpr.curriculum.CurriculumPlans;
import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicId;
import org.cpr.identity.IdentityManagement;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What was delivered in an academic year (July–June by default,
 * {@code cpr.curriculum.academic-year-start-month}): sessions held, their topics and
 * competencies, and attendance counts (gated for confidential offerings).
 */
@Service
public class CoverageReport {

	private final CourseCatalogue catalogue;

	private final Attendance attendance;

	private final TopicLibrary topics;

	private final CurriculumPlans plans;

	private final IdentityManagement identity;

	private final Clock clock;

	private final int startMonth;

	CoverageReport(CourseCatalogue catalogue, Attendance attendance, TopicLibrary topics, CurriculumPlans plans,
			IdentityManagement identity, Clock clock,
			@Value("${cpr.curriculum.academic-year-start-month:7}") int startMonth) {
		this.plans = plans;
		this.identity = identity;
		this.catalogue = catalogue;
		this.attendance = attendance;
		this.topics = topics;
		this.clock = clock;
		this.startMonth = startMonth;
	}

	/** The academic year (by its first calendar year) that contains today. */
	public int currentYear() {
		LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
		return today.getMonthValue() >= startMonth ? today.getYear() : today.getYear() - 1;
	}

	@Transactional
	public List<CoverageRow> year(int firstYear, PersonId viewer, Role role) {
		Instant from = LocalDate.of(firstYear, startMonth, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant to = LocalDate.of(firstYear + 1, startMonth, 1).atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant now = clock.instant();
		List<CoverageRow> rows = new ArrayList<>();
		for (Offering o : catalogue
			.search(new CatalogueQuery(null, LocalDate.ofInstant(from, ZoneOffset.UTC), null, null, null, false))) {
			boolean deliveredInYear = o.sessions().stream().anyMatch(s -> !s.cancelled() && held(s, from, to, now));
			if (!deliveredInYear) {
				continue;
			}
			Map<org.cpr.curriculum.TopicId, Topic> taught = topics.byIds(o.topics());
			Set<Competency> competencies = EnumSet.noneOf(Competency.class);
			taught.values().forEach(t -> competencies.addAll(t.competencies()));
			List<SessionCount> delivered = attendance.counts(o, viewer, role)
				.stream()
				.filter(c -> held(c.session(), from, to, now))
				.toList();
			rows.add(new CoverageRow(o, taught.values().stream().map(Topic::title).sorted().toList(), competencies,
					delivered));
		}
		return rows;
	}

	/**
	 * Each curriculum plan of the year (a cohort: program × trainee type) against the
	 * delivered rows: a planned topic counts as delivered to the cohort when an offering
	 * on it, open to the cohort's program and trainee type, held a session in the year.
	 */
	@Transactional(readOnly = true)
	public List<CohortCoverage> cohorts(int firstYear, List<CoverageRow> rows) {
		Map<org.cpr.shared.OrgUnitId, String> programs = new java.util.HashMap<>();
		identity.orgUnits().forEach(u -> programs.put(u.id(), u.name()));
		List<CohortCoverage> out = new ArrayList<>();
		for (CurriculumPlan plan : plans.all()) {
			if (plan.academicYear() != firstYear) {
				continue;
			}
			List<CoverageRow> forCohort = rows.stream().filter(r -> reaches(r.offering().audience(), plan)).toList();
			Map<TopicId, Topic> titles = topics.byIds(plan.items().stream().map(CurriculumPlan.Item::topic).toList());
			List<CohortCoverage.Planned> planned = new ArrayList<>();
			Set<Competency> competencies = EnumSet.noneOf(Competency.class);
			for (CurriculumPlan.Item item : plan.items()) {
				int held = forCohort.stream()
					.filter(r -> r.offering().topics().contains(item.topic()))
					.mapToInt(r -> r.delivered().size())
					.sum();
				Topic topic = titles.get(item.topic());
				if (held > 0 && topic != null) {
					competencies.addAll(topic.competencies());
				}
				planned.add(new CohortCoverage.Planned(item.level(), topic == null ? "?" : topic.title(), held));
			}
			out.add(new CohortCoverage(programs.getOrDefault(plan.program(), "?"), plan.traineeType(),
					plan.academicYear(), planned, competencies));
		}
		out.sort(java.util.Comparator.comparing(CohortCoverage::program).thenComparing(c -> c.traineeType().name()));
		return out;
	}

	private boolean reaches(Audience audience, CurriculumPlan plan) {
		return (audience.programs().isEmpty()
				|| audience.programs().stream().anyMatch(u -> identity.subtree(u).contains(plan.program())))
				&& (audience.traineeTypes().isEmpty() || audience.traineeTypes().contains(plan.traineeType()));
	}

	/** Sessions delivered per competency across the rows. */
	public static Map<Competency, Integer> byCompetency(List<CoverageRow> rows) {
		Map<Competency, Integer> counts = new EnumMap<>(Competency.class);
		for (Competency c : Competency.values()) {
			counts.put(c,
					rows.stream().filter(r -> r.competencies().contains(c)).mapToInt(r -> r.delivered().size()).sum());
		}
		return counts;
	}

	private static boolean held(Session s, Instant from, Instant to, Instant now) {
		Instant start = s.start().toInstant();
		return !start.isBefore(from) && start.isBefore(to) && s.end().toInstant().isBefore(now);
	}

}
