package org.cpr.cqi;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Random;
import java.util.UUID;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.cpr.survey.SurveyCampaigns;
import org.cpr.survey.Wave;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): a year of the improvement register, one
 * item in every state, each moved through the register's own transitions at earlier
 * instants (solutions, presentations with decisions, re-measurement against the quarterly
 * resident survey, "you said, we did" entries on the board); a conduct officer login
 * ({@code conduct}) with confidential mistreatment reports to review and anonymous
 * speak-up reports released in their weekly batch. (In the module root: the register is
 * package-private.) Deterministic from {@code cpr.demo.history-seed}.
 */
@Component
@Order(120)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoCqiHistory implements ApplicationRunner {

	static final String CONDUCT_LOGIN = "conduct";

	private static final Logger log = LoggerFactory.getLogger(DemoCqiHistory.class);

	private final ImprovementRegister register;

	private final Remeasurements remeasurements;

	private final SpeakUpChannel speakUp;

	private final SurveyCampaigns surveys;

	private final IdentityManagement identity;

	private final PeopleAdministration people;

	private final Clock clock;

	private final long seed;

	DemoCqiHistory(ImprovementRegister register, Remeasurements remeasurements, SpeakUpChannel speakUp,
			SurveyCampaigns surveys, IdentityManagement identity, PeopleAdministration people, Clock clock,
			@Value("${cpr.demo.history-seed:2026}") long seed) {
		this.register = register;
		this.remeasurements = remeasurements;
		this.speakUp = speakUp;
		this.surveys = surveys;
		this.identity = identity;
		this.people = people;
		this.clock = clock;
		this.seed = seed;
	}

	/** One register item: where it ends, and what the board says about it. */
	record Story(String title, String problem, CqiCategory category, String rotation, CqiStatus ends, String youSaid,
			String weDid) {
	}

	static final List<Story> STORIES = List.of(new Story("Night cross-cover too thin on medicine wards",
			"Residents report one intern covering more than 60 patients overnight.", CqiCategory.STAFFING, "nights",
			CqiStatus.CLOSED, "Nights on the medicine wards were unsafe: one intern for 60+ patients.",
			"A second night-float resident now covers the medicine wards; the cap is 40 patients each."),
			new Story("Attending not reachable overnight in the ICU",
					"Pages to the overnight ICU attending go unanswered for 20+ minutes.", CqiCategory.SUPERVISION,
					"icu", CqiStatus.REMEASURED, "You could not reach a supervisor at night in the ICU.",
					"An on-call attending list with direct phone numbers is posted in every ICU workroom."),
			new Story("Order-set screens slow admissions", "Admission order sets take 15+ minutes in the EHR.",
					CqiCategory.EHR, "inpatient", CqiStatus.IMPLEMENTED,
					"The EHR admission order sets kept you from patients.",
					"Informatics rebuilt the five most used admission order sets."),
			new Story("No protected time for teaching conference",
					"Residents are paged out of noon conference most days.", CqiCategory.SCHEDULING, "clinic",
					CqiStatus.IN_PROGRESS, "You were paged out of teaching conference.",
					"Pagers are held by the chief resident during noon conference (pilot on two services)."),
			new Story("Call rooms without working lockers",
					"Post-call residents have nowhere safe to leave belongings.", CqiCategory.FACILITIES, "nights",
					CqiStatus.ACCEPTED, null, null),
			new Story("Extra weekend clinic sessions", "Residents asked to staff an extra Saturday clinic monthly.",
					CqiCategory.SCHEDULING, "clinic", CqiStatus.DECLINED,
					"You asked for the extra Saturday clinic to be staffed by faculty instead.", null),
			new Story("Emergency department boarding delays handoffs",
					"Boarded patients have no clear team owner between 7 and 9 am.", CqiCategory.PATIENT_SAFETY,
					"emergency", CqiStatus.PRESENTED, null, null),
			new Story("Surgery residents miss meals on long OR days", "No food available after 7 pm near the ORs.",
					CqiCategory.WORKFLOW, "surgery", CqiStatus.SOLUTION_PROPOSED, null, null),
			new Story("Duplicate documentation in the step-down unit",
					"Nursing and residents chart the same flowsheets twice.", CqiCategory.EHR, "inpatient",
					CqiStatus.ANALYSED, null, null),
			new Story("Parking far from the hospital after night shifts",
					"Post-call walks to the far lot after midnight feel unsafe.", CqiCategory.FACILITIES, "nights",
					CqiStatus.IDENTIFIED, null, null));

	@Override
	public void run(ApplicationArguments args) {
		var facilitator = identity.byUsername("facilitator");
		var hospital = identity.orgUnits().stream().filter(u -> "UH".equals(u.code())).findFirst();
		if (!(clock instanceof BackdatingClock past) || facilitator.isEmpty() || hospital.isEmpty()
				|| register.list().stream().anyMatch(i -> i.title().equals(STORIES.get(0).title()))) {
			return;
		}
		long started = System.nanoTime();
		LocalDate today = LocalDate.now(clock);
		Random random = new Random(seed * 31 + 8);
		List<Wave> waves = surveys.all()
			.stream()
			.filter(c -> c.title().equals("Resident experience survey (quarterly)"))
			.findFirst()
			.map(c -> surveys.waves(c.id()))
			.orElse(List.of());
		for (int i = 0; i < STORIES.size(); i++) {
			int startDay = 330 - i * 22 - random.nextInt(10);
			new Replay(past, STORIES.get(i), facilitator.get().id(), hospital.get().id().value(), today, startDay,
					waves)
				.play();
		}
		conductOfficer(past, facilitator.get().id(), hospital.get(), today);
		log.info("Demo history: {} improvement items and speak-up reports in {} ms", STORIES.size(),
				(System.nanoTime() - started) / 1_000_000);
	}

	/** One item's year, step by step, each step a few weeks after the last. */
	private final class Replay {

		private final BackdatingClock past;

		private final Story story;

		private final PersonId by;

		private final LocalDate today;

		private final List<Wave> waves;

		private int day;

		private UUID id;

		Replay(BackdatingClock past, Story story, PersonId by, UUID hospital, LocalDate today, int startDay,
				List<Wave> waves) {
			this.past = past;
			this.story = story;
			this.by = by;
			this.today = today;
			this.waves = waves;
			this.day = startDay;
			this.id = past.at(next(0), () -> register.create(new ItemDraft(story.title(), story.problem(), hospital,
					null, story.rotation(), story.category(), by, today.plusDays(60)), by));
		}

		void play() {
			if (reached(CqiStatus.IDENTIFIED)) {
				return;
			}
			step(21, () -> register.move(id, CqiStatus.ANALYSED, null, by));
			if (reached(CqiStatus.ANALYSED)) {
				return;
			}
			step(14, () -> register.addSolution(id, solution(), by));
			if (reached(CqiStatus.SOLUTION_PROPOSED)) {
				return;
			}
			Decision decision = switch (story.ends()) {
				case PRESENTED -> Decision.DEFERRED;
				case DECLINED -> Decision.DECLINED;
				default -> Decision.ACCEPTED;
			};
			String reason = decision == Decision.DECLINED
					? "Faculty clinic time is fully committed this year; revisit at the next budget cycle."
					: decision == Decision.DEFERRED ? "Needs data from the ED flow committee first." : "Approved.";
			LocalDate presented = today.minusDays(day - 14L);
			step(14, () -> register.recordPresentation(id, new PresentationRecord(presented,
					PresentationAudience.GME_COMMITTEE, null, decision, reason, "Owner reports back in 60 days."), by));
			if (story.youSaid() != null && story.ends() == CqiStatus.DECLINED) {
				step(2, () -> register.publish(id, story.youSaid(), null, by));
			}
			if (reached(CqiStatus.PRESENTED) || reached(CqiStatus.ACCEPTED) || reached(CqiStatus.DECLINED)) {
				return;
			}
			step(10, () -> register.move(id, CqiStatus.IN_PROGRESS, null, by));
			publishIfDue(CqiStatus.IN_PROGRESS);
			if (reached(CqiStatus.IN_PROGRESS)) {
				return;
			}
			step(30, () -> register.move(id, CqiStatus.IMPLEMENTED, null, by));
			publishIfDue(CqiStatus.IMPLEMENTED);
			if (reached(CqiStatus.IMPLEMENTED)) {
				return;
			}
			Wave after = waves.isEmpty() ? null : waves.get(waves.size() - 1);
			UUID afterId = after == null ? null : after.id();
			step(20, () -> remeasurements.record(id,
					new Remeasurement(afterId, "Quarterly resident survey",
							"Most answers 'often' or 'almost always' (first wave)",
							"Most answers 'never' or 'sometimes' (latest wave)", null),
					by));
			publishIfDue(CqiStatus.REMEASURED);
			if (reached(CqiStatus.REMEASURED)) {
				return;
			}
			step(14, () -> register.move(id, CqiStatus.CLOSED, null, by));
			publishIfDue(CqiStatus.CLOSED);
		}

		private void publishIfDue(CqiStatus at) {
			if (story.ends() == at && story.youSaid() != null) {
				step(1, () -> register.publish(id, story.youSaid(), story.weDid(), by));
			}
		}

		private boolean reached(CqiStatus status) {
			return story.ends() == status;
		}

		private String solution() {
			return story.weDid() != null ? story.weDid() : "Working group proposes a pilot on one unit, then a review.";
		}

		private void step(int days, Runnable work) {
			past.run(next(days), work);
		}

		private Instant next(int days) {
			day = Math.max(1, day - days);
			return today.minusDays(day).atTime(10, 0).toInstant(ZoneOffset.UTC);
		}

	}

	/**
	 * The conduct officer's login, with confidential mistreatment reports waiting and
	 * anonymous ones released.
	 */
	private void conductOfficer(BackdatingClock past, PersonId by, OrgUnitSummary hospital, LocalDate today) {
		PersonId seeder = identity.byUsername("sysadmin").map(PersonSummary::id).orElse(by);
		if (identity.byUsername(CONDUCT_LOGIN).isEmpty()) {
			UUID id = people.create(new PeopleAdministration.PersonDetails(CONDUCT_LOGIN,
					CONDUCT_LOGIN + "@demo.cpr.example", "Jesse Moreno", TraineeType.STAFF, null, null, null, true),
					seeder);
			people.setPassword(id, "demo-resilience-2026", seeder);
			UUID campus = identity.orgUnits()
				.stream()
				.filter(u -> u.parent() == null)
				.findFirst()
				.map(u -> u.id().value())
				.orElseThrow();
			people.grant(id, Role.PARTICIPANT, campus, seeder);
			people.grant(id, Role.CONDUCT_OFFICER, campus, seeder);
		}
		String[] bodies = { "An attending shouted at me in front of the team during rounds.",
				"A patient's family member made repeated comments about my accent.",
				"I was told to skip my clinic to cover a colleague's procedure, again.",
				"Humiliating comments about residents' competence at sign-out.",
				"Comments about my pregnancy when I asked for lighter call." };
		for (int i = 0; i < bodies.length; i++) {
			// two confidential reports (the reporter wants an answer), three anonymous
			PersonId reporter = i < 2
					? identity.byUsername(i == 0 ? "resident" : "peer").map(PersonSummary::id).orElse(null) : null;
			ReportSubmission report = new ReportSubmission(ReportChannel.MISTREATMENT, CqiCategory.MISTREATMENT,
					hospital.id().value(), "inpatient", bodies[i], i % 2 == 0);
			String key = "demo-history-report-" + i;
			past.run(today.minusDays(40 - 6L * i).atTime(21, 0).toInstant(ZoneOffset.UTC),
					() -> speakUp.submit(report, key, reporter));
		}
		past.run(today.minusDays(1).atTime(6, 0).toInstant(ZoneOffset.UTC), speakUp::releaseDueReports);
	}

}
