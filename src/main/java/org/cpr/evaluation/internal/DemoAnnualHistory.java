package org.cpr.evaluation.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;

import org.cpr.evaluation.AcademicYear;
import org.cpr.evaluation.AnnualEvaluation;
import org.cpr.evaluation.AnnualReport;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): the annual report's words. Last academic
 * year's commentary, and this year's improvement plan (goals from last year's findings,
 * actions reviewed since), written through the annual evaluation at earlier instants. The
 * report's numbers come from the rest of the seeded year (reach, outcomes, safety).
 */
@Component
@Order(190)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoAnnualHistory implements ApplicationRunner {

	private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(DemoAnnualHistory.class);

	private final AnnualEvaluation annual;

	private final IdentityManagement identity;

	private final JdbcClient jdbc;

	private final Clock clock;

	DemoAnnualHistory(AnnualEvaluation annual, IdentityManagement identity, JdbcClient jdbc, Clock clock) {
		this.annual = annual;
		this.identity = identity;
		this.jdbc = jdbc;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		var director = identity.byUsername("facilitator");
		Integer goals = jdbc.sql("SELECT COUNT(*) FROM evaluation_goal").query(Integer.class).single();
		if (!(clock instanceof BackdatingClock past) || director.isEmpty() || goals > 0) {
			return;
		}
		PersonId by = director.get().id();
		AcademicYear current = AcademicYear.current(clock);
		AcademicYear last = current.previous();
		LocalDate closed = current.from().plusDays(20);
		past.run(at(closed), () -> annual.saveCommentary(last,
				"Our second year: the quarterly resident survey reached two thirds of residents, the improvement register "
						+ "closed its first items (night cross-cover, ICU attending access) and mentoring groups met monthly. "
						+ "Next year: protected teaching time, faster EHR admissions, and reaching nurses and pharmacists.",
				by));
		var teaching = past.at(at(closed.plusDays(1)),
				() -> annual.addGoal(current, "Residents keep protected time for teaching conference",
						"Paged out of noon conference most days (quarterly survey, improvement register)", by));
		var ehr = past.at(at(closed.plusDays(1)), () -> annual.addGoal(current, "Admissions take less EHR time",
				"EHR order sets kept residents from patients (quarterly survey)", by));
		var reach = past.at(at(closed.plusDays(1)),
				() -> annual.addGoal(current, "Reach nurses and pharmacists, not only physicians",
						"Nurse and pharmacy participation lagged physicians'", by));
		var pagers = past.at(at(closed.plusDays(2)), () -> annual.addAction(teaching,
				"Chief resident holds pagers during noon conference", "Chief residents", closed.plusDays(90), by));
		var ordersets = past.at(at(closed.plusDays(2)), () -> annual.addAction(ehr,
				"Rebuild the five most used admission order sets", "Clinical informatics", closed.plusDays(120), by));
		var nursing = past.at(at(closed.plusDays(2)),
				() -> annual.addAction(reach, "Offer the Resilience Snapshot at nurse residency orientation",
						"Nurse residency coordinator", closed.plusDays(60), by));
		past.run(at(closed.plusDays(75)), () -> annual.reviewAction(pagers, AnnualReport.ActionStatus.IN_PROGRESS,
				"Pilot on two services; others to follow", by));
		past.run(at(closed.plusDays(110)),
				() -> annual.reviewAction(ordersets, AnnualReport.ActionStatus.DONE, "Live since October", by));
		past.run(at(closed.plusDays(50)), () -> annual.reviewAction(nursing, AnnualReport.ActionStatus.PLANNED,
				"Orientation moved to January", by));
		// the last history step: the log line marks the end of the seeded year (start-up
		// time)
		log.info("Demo history: annual report commentary and plan written");
	}

	/** That day, or yesterday when the academic year is younger than the plan's steps. */
	private java.time.Instant at(LocalDate day) {
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		return (day.isAfter(yesterday) ? yesterday : day).atTime(15, 0).toInstant(ZoneOffset.UTC);
	}

}
