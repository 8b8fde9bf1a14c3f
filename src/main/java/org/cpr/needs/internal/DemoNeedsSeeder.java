package org.cpr.needs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.needs.AcademicYear;
import org.cpr.needs.RotationCatalogue;
import org.cpr.needs.Setting;
import org.cpr.needs.StressorDomain;
import org.cpr.shared.PersonId;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo only: a rotation catalogue at the demo hospitals, a block schedule for the demo
 * residents (the "resident" login starts the Medical ICU in five days, so its guide
 * shows), and a deterministic set of closed-wave answers from last and this academic
 * year: some heat-map cells release, some stay suppressed (too few answers, or protecting
 * a small group), and the Medical ICU has tips to review.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoNeedsSeeder implements ApplicationRunner {

	/**
	 * Rotation, hospital, specialty, setting, answers this year, answers last year,
	 * stress bias (1–5).
	 */
	private record Spec(String name, String hospital, String specialty, Setting setting, int now, int before,
			double bias) {
	}

	private static final List<Spec> SPECS = List.of(
			new Spec("Medical ICU", "UH", "Internal Medicine", Setting.ICU, 14, 12, 3.8),
			new Spec("General Medicine Wards", "UH", "Internal Medicine", Setting.INPATIENT, 12, 11, 3.0),
			new Spec("Night Float", "UH", "Internal Medicine", Setting.NIGHTS, 3, 4, 4.1),
			new Spec("Emergency Department", "UH", "Emergency Medicine", Setting.ED, 7, 6, 3.4),
			new Spec("Ambulatory Clinic", "UH", "Internal Medicine", Setting.CLINIC, 8, 9, 2.2),
			new Spec("Pediatric Wards", "CH", "Pediatrics", Setting.INPATIENT, 11, 10, 2.8),
			new Spec("PICU", "CH", "Pediatrics", Setting.ICU, 4, 3, 3.9));

	private static final List<String> TIPS = List.of(
			"Pre-round on the sickest patients first and ask the nurses what changed overnight.",
			"Keep a running sign-out document from day one; it saves an hour every evening.",
			"The pharmacists know the drips better than anyone; page them early.",
			"Eat before the family meeting, not after. Dr. Smith on nights is great at teaching vents.",
			"Ask for feedback at the end of week one, not at the end of the block.",
			"Write down every procedure the day you do it so the logs are not a weekend job.",
			"Use the quiet room behind the unit when a patient dies; nobody minds.",
			"Call 555-0142 for the after-hours bed manager instead of waiting for a callback.",
			"Learn the sepsis order set in the first two days.", "Protect your day off; swap early if you need to.",
			"The chaplain's team is amazing after a hard code; ask for a debrief.",
			"Bring snacks for night shifts on 14 March, the cafeteria closes early.");

	private final JdbcClient jdbc;

	private final RotationCatalogue catalogue;

	private final IdentityManagement identity;

	private final Clock clock;

	private final HeatMapQuery units;

	DemoNeedsSeeder(JdbcClient jdbc, RotationCatalogue catalogue, IdentityManagement identity, Clock clock,
			HeatMapQuery units) {
		this.units = units;
		this.jdbc = jdbc;
		this.catalogue = catalogue;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		if (!catalogue.all().isEmpty()
				|| catalogue.hospitals().stream().map(OrgUnitSummary::code).noneMatch("UH"::equals)) {
			return;
		}
		PersonId facilitator = identity.byUsername("facilitator").map(PersonSummary::id).orElse(null);
		if (facilitator == null) {
			return;
		}
		Map<String, UUID> rotations = new HashMap<>();
		for (Spec s : SPECS) {
			rotations.put(s.name(), catalogue.save(null, s.name(), s.hospital(), s.specialty(), s.setting(),
					"Chief resident on call: ext. 4410 (weekdays 7–17)."));
		}
		catalogue.addLink(rotations.get("Medical ICU"), "Peer support after a patient death", "/peer");
		catalogue.addLink(rotations.get("Medical ICU"), "Support services directory", "/directory");
		LocalDate today = LocalDate.now(clock);
		schedule(facilitator, rotations, today);
		Random random = new Random(42);
		int year = AcademicYear.of(today);
		answers(random, rotations, year,
				LocalDate.of(year, 7, 1).isBefore(today.minusDays(30)) ? today.minusDays(30) : today.minusDays(2));
		answers(random, rotations, year - 1, LocalDate.of(year, 3, 15));
		units.rebuild(year);
		units.rebuild(year - 1);
	}

	private void schedule(PersonId by, Map<String, UUID> rotations, LocalDate today) {
		identity.byUsername("resident").ifPresent(p -> {
			block(p.id(), rotations.get("General Medicine Wards"), "Team B", today.minusDays(23), today.plusDays(4),
					by);
			block(p.id(), rotations.get("Medical ICU"), "MICU team A", today.plusDays(5), today.plusDays(32), by);
		});
		List<PersonSummary> residents = identity
			.audience(identity.orgUnits().stream().map(OrgUnitSummary::id).toList(), Set.of(TraineeType.RESIDENT),
					Set.of())
			.stream()
			.filter(p -> !"resident".equals(p.username()))
			.toList();
		List<String> names = List.of("Medical ICU", "General Medicine Wards", "Emergency Department",
				"Ambulatory Clinic");
		for (int i = 0; i < residents.size(); i++) {
			LocalDate start = today.minusDays(28L + (i % 3) * 7);
			block(residents.get(i).id(), rotations.get(names.get(i % names.size())), null, start, start.plusDays(27),
					by);
		}
	}

	private void block(PersonId person, UUID rotation, String service, LocalDate start, LocalDate end, PersonId by) {
		// Demo blocks count as already asked (a demo campaign id), so the sender does not
		// mail the demo population.
		jdbc.sql(
				"INSERT INTO needs_block (id, person_id, rotation_id, service, starts_on, ends_on, campaign_id, created_by)"
						+ " VALUES (?,?,?,?,?,?,?,?)")
			.params(UUID.randomUUID(), person.value(), rotation, service, start, end,
					end.isBefore(LocalDate.now(clock)) ? UUID.nameUUIDFromBytes("demo-needs".getBytes()) : null,
					by.value())
			.update();
	}

	private void answers(Random random, Map<String, UUID> rotations, int year, LocalDate closedOn) {
		UUID campaign = UUID.nameUUIDFromBytes(("demo-needs-" + year).getBytes());
		// The demo answers come from the Internal Medicine residents: their program
		// director, and facilitators and administrators of the campus, see them.
		UUID program = identity.orgUnits()
			.stream()
			.filter(u -> "PRG-IM".equals(u.code()))
			.map(u -> u.id().value())
			.findFirst()
			.orElse(null);
		jdbc.sql(
				"INSERT INTO needs_campaign (campaign_id, academic_year, sent_on, closes_on, org_unit_id) VALUES (?,?,?,?,?)")
			.params(campaign, year, closedOn.minusDays(13), closedOn, program)
			.update();
		List<String> tips = new ArrayList<>(TIPS);
		for (Spec s : SPECS) {
			int n = year == AcademicYear.of(LocalDate.now(clock)) ? s.now() : s.before();
			for (int i = 0; i < n; i++) {
				Map<String, Object> a = new HashMap<>();
				for (StressorDomain d : StressorDomain.stressors()) {
					for (String item : d.items()) {
						a.put(item, clamp(Math.round(s.bias() + random.nextGaussian() * 0.9), 1, 5));
					}
				}
				a.put("burnout", clamp(Math.round(s.bias() - 0.6 + random.nextGaussian() * 0.8), 1, 5));
				for (String item : StressorDomain.WELLBEING.items()) {
					a.put(item, clamp(Math.round(5.5 - s.bias() + random.nextGaussian()), 0, 5));
				}
				Map<StressorDomain, Double> m = StressorScores.of(a);
				jdbc.sql(
						"INSERT INTO needs_response (id, campaign_id, academic_year, closes_on, rotation_id, specialty, hospital_code,"
								+ " workload, sleep, autonomy, team, mistreatment, adverse, ehr, home, burnout, wellbeing)"
								+ " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)")
					.params(new UUID(random.nextLong(), random.nextLong()), campaign, year, closedOn,
							rotations.get(s.name()), s.specialty(), s.hospital(), m.get(StressorDomain.WORKLOAD),
							m.get(StressorDomain.SLEEP), m.get(StressorDomain.AUTONOMY), m.get(StressorDomain.TEAM),
							m.get(StressorDomain.MISTREATMENT), m.get(StressorDomain.ADVERSE),
							m.get(StressorDomain.EHR), m.get(StressorDomain.HOME), m.get(StressorDomain.BURNOUT),
							m.get(StressorDomain.WELLBEING))
					.update();
			}
			if ("Medical ICU".equals(s.name())) {
				boolean current = year == AcademicYear.of(LocalDate.now(clock));
				for (int i = 0; i < tips.size(); i++) {
					if (!current && i >= 4) {
						break;
					}
					boolean published = !current && i < 4;
					jdbc.sql(
							"INSERT INTO needs_tip (id, academic_year, closes_on, rotation_id, original, status, published_text,"
									+ " campaign_id) VALUES (?,?,?,?,?,?,?,?)")
						.params(new UUID(random.nextLong(), random.nextLong()), year, closedOn, rotations.get(s.name()),
								published ? "" : tips.get(i), published ? "PUBLISHED" : "PENDING",
								published ? TipScrubber.scrub(tips.get(i)) : null, campaign)
						.update();
				}
			}
		}
	}

	private static long clamp(long v, long min, long max) {
		return Math.max(min, Math.min(max, v));
	}

}
