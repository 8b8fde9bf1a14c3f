package org.cpr.curriculum.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

import org.cpr.curriculum.CurriculumPlans;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.TraineeType;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Seeds one curriculum plan in demo mode: the Internal Medicine residents' plan for the
 * current academic year, so the director's coverage view shows a cohort's plan and its
 * gaps from the start.
 */
@Component
@Order(21)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoPlanSeeder implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPlanSeeder.class);

	/** Level and topic code, in teaching order. */
	static final List<String[]> PLAN = List.of(new String[] { "PGY1", "sleep-fatigue" },
			new String[] { "PGY1", "ehr-efficiency" }, new String[] { "PGY1", "communication-stress" },
			new String[] { "PGY1", "help-seeking-licensure" }, new String[] { "PGY2", "grief-patient-death" },
			new String[] { "PGY2", "feedback" }, new String[] { "PGY2", "moral-distress" },
			new String[] { "PGY3", "leadership" }, new String[] { "PGY3", "financial-wellbeing" },
			new String[] { "PGY3", "meaning-in-medicine" });

	private final CurriculumPlans plans;

	private final IdentityManagement identity;

	private final Clock clock;

	private final int startMonth;

	DemoPlanSeeder(CurriculumPlans plans, IdentityManagement identity, Clock clock,
			@Value("${cpr.curriculum.academic-year-start-month:7}") int startMonth) {
		this.plans = plans;
		this.identity = identity;
		this.clock = clock;
		this.startMonth = startMonth;
	}

	@Override
	public void run(ApplicationArguments args) {
		var program = identity.orgUnits().stream().filter(u -> "PRG-IM".equals(u.code())).findFirst();
		if (program.isEmpty() || !plans.all().isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		int year = today.getMonthValue() >= startMonth ? today.getYear() : today.getYear() - 1;
		UUID plan = plans.create(program.get().id(), TraineeType.RESIDENT, year);
		for (String[] item : PLAN) {
			plans.add(plan, item[0], DemoTopicSeeder.demoId(item[1]));
		}
		log.info("Demo curriculum plan seeded: Internal Medicine residents, {}–{}", year, year + 1);
	}

}
