package org.cpr.needs.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Suppressed;
import org.cpr.needs.NeedsInputException;
import org.cpr.needs.NeedsResults;
import org.cpr.needs.NeedsScope;
import org.cpr.needs.Rotation;
import org.cpr.needs.RotationCatalogue;
import org.cpr.needs.RotationGuides;
import org.cpr.needs.RotationSchedule;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Rotation guides and their tips over the needs tables; tips scrubbed by
 * {@link TipScrubber}.
 */
@Service("rotationGuides")
class RotationGuideService implements RotationGuides {

	private final JdbcClient jdbc;

	private final DisclosureGate gate;

	private final RotationCatalogue catalogue;

	private final NeedsResults results;

	private final RotationSchedule schedule;

	private final AuditPort audit;

	private final Clock clock;

	RotationGuideService(JdbcClient jdbc, DisclosureGate gate, RotationCatalogue catalogue, NeedsResults results,
			RotationSchedule schedule, AuditPort audit, Clock clock) {
		this.jdbc = jdbc;
		this.gate = gate;
		this.catalogue = catalogue;
		this.results = results;
		this.schedule = schedule;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * Rotations with tips waiting in the year; tip texts only where the gate releases
	 * comments. Audited.
	 */
	@Transactional
	public List<Queue> reviewQueue(NeedsResults.Viewer viewer, int year) {
		PersonId reviewer = viewer.person();
		NeedsScope scope = viewer.scope();
		LocalDate today = LocalDate.now(clock);
		if (!scope.everything() && scope.units().isEmpty()) {
			return List.of();
		}
		List<UUID> rotations = jdbc
			.sql("SELECT DISTINCT rotation_id FROM needs_tip WHERE academic_year = :year AND status = 'PENDING'"
					+ " AND closes_on < :today" + HeatMapQuery.campaignFilter(scope, "campaign_id"))
			.param("year", year)
			.param("today", today)
			.param("units", HeatMapQuery.scopeUnits(scope))
			.query(UUID.class)
			.list();
		if (rotations.isEmpty()) {
			return List.of();
		}
		List<CellRequest> cells = new ArrayList<>();
		for (UUID r : rotations) {
			List<Contribution> answered = jdbc
				.sql("SELECT id FROM needs_response WHERE academic_year = :year AND rotation_id = :rotation"
						+ " AND closes_on < :today" + HeatMapQuery.campaignFilter(scope, "campaign_id"))
				.param("year", year)
				.param("rotation", r)
				.param("today", today)
				.param("units", HeatMapQuery.scopeUnits(scope))
				.query(UUID.class)
				.list()
				.stream()
				.map(id -> Contribution.comment(id.toString(), ""))
				.toList();
			cells.add(new CellRequest(r.toString(), null, 0, List.of("rotation"), answered));
		}
		List<CellResult> decided = gate.evaluate(new DisclosureRequest(reviewer, Role.FACILITATOR, "needs-tips:" + year,
				"needs.tips", MeasureType.COMMENTS, DisclosurePolicy.defaults(), cells));
		Map<UUID, Rotation> byId = catalogue.byId();
		List<Queue> out = new ArrayList<>();
		for (CellResult result : decided) {
			UUID rotationId = UUID.fromString(result.cellKey());
			Rotation rotation = byId.get(rotationId);
			if (result.released()) {
				List<PendingTip> tips = new ArrayList<>(jdbc
					.sql("SELECT id, original FROM needs_tip WHERE academic_year = :year AND rotation_id = :rotation"
							+ " AND status = 'PENDING' AND closes_on < :today"
							+ HeatMapQuery.campaignFilter(scope, "campaign_id"))
					.param("year", year)
					.param("rotation", rotationId)
					.param("today", today)
					.param("units", HeatMapQuery.scopeUnits(scope))
					.query((rs, i) -> new PendingTip(rs.getObject("id", UUID.class),
							TipScrubber.scrub(rs.getString("original"))))
					.list());
				Collections.shuffle(tips);
				audit.record(AuditEntry
					.administration(reviewer, "NEEDS_TIPS_VIEWED", "needs_rotation", rotationId.toString())
					.detail(tips.size() + " tips"));
				out.add(new Queue(rotation, true, tips, null, null));
			}
			else {
				Suppressed s = (Suppressed) result;
				out.add(new Queue(rotation, false, List.of(), s.messageKey(), s.messageArguments()));
			}
		}
		out.sort(java.util.Comparator.comparing(q -> q.rotation().label()));
		return out;
	}

	@Override
	@Transactional
	public void publish(NeedsResults.Viewer viewer, int year, UUID tipId, String edited) {
		PersonId reviewer = viewer.person();
		UUID rotation = releasedPendingTip(viewer, year, tipId);
		String text = TipScrubber.scrub(edited);
		if (text.isBlank()) {
			throw new NeedsInputException("text", "needs.field.required");
		}
		if (text.length() > 600) {
			throw new NeedsInputException("text", "needs.field.tooLong", 600);
		}
		jdbc.sql(
				"UPDATE needs_tip SET status = 'PUBLISHED', published_text = ?, original = '', reviewed_by = ?, reviewed_on = ? WHERE id = ?")
			.params(text, reviewer.value(), LocalDate.now(clock), tipId)
			.update();
		audit.record(AuditEntry.administration(reviewer, "NEEDS_TIP_PUBLISHED", "needs_rotation", rotation.toString()));
	}

	@Override
	@Transactional
	public void reject(NeedsResults.Viewer viewer, int year, UUID tipId) {
		PersonId reviewer = viewer.person();
		UUID rotation = releasedPendingTip(viewer, year, tipId);
		jdbc.sql(
				"UPDATE needs_tip SET status = 'REJECTED', original = '', reviewed_by = ?, reviewed_on = ? WHERE id = ?")
			.params(reviewer.value(), LocalDate.now(clock), tipId)
			.update();
		audit.record(AuditEntry.administration(reviewer, "NEEDS_TIP_REJECTED", "needs_rotation", rotation.toString()));
	}

	/**
	 * The guide of a rotation as trainees read it: its newest year's released findings,
	 * published tips, contacts and links.
	 */
	public Optional<Guide> publishedGuide(PersonId trainee, UUID rotationId) {
		// A guide is published content for the rotation at its hospital: its findings
		// are the rotation-level figures a facilitator may release, over every program
		// whose people rotate there.
		return guide(new NeedsResults.Viewer(trainee, Role.FACILITATOR, NeedsScope.wholeInstitution()), rotationId);
	}

	/**
	 * The guide of a rotation as a staff member sees it: findings and tips of the answers
	 * in their scope only.
	 */
	public Optional<Guide> guide(NeedsResults.Viewer as, UUID rotationId) {
		Optional<Rotation> rotation = catalogue.find(rotationId);
		if (rotation.isEmpty()) {
			return Optional.empty();
		}
		int year = results.currentYear();
		List<NeedsResults.Finding> findings = List.of();
		for (int y : results.years()) {
			List<NeedsResults.Finding> f = results.topStressors(as, rotationId, y)
				.map(NeedsResults.TopStressors::findings)
				.orElse(List.of())
				.stream()
				.filter(x -> x.cell() != null && x.cell().released() && x.domain().stressor())
				.toList();
			if (!f.isEmpty()) {
				findings = f;
				year = y;
				break;
			}
		}
		List<String> tips = jdbc
			.sql("SELECT published_text FROM needs_tip WHERE rotation_id = :rotation AND status = 'PUBLISHED'"
					+ HeatMapQuery.campaignFilter(as.scope(), "campaign_id") + " ORDER BY id")
			.param("rotation", rotationId)
			.param("units", HeatMapQuery.scopeUnits(as.scope()))
			.query(String.class)
			.list();
		return Optional.of(new Guide(rotation.get(), findings, tips, catalogue.links(rotationId), year));
	}

	/**
	 * The person's next block and when its guide shows ({@value #DAYS_AHEAD} days before
	 * it starts).
	 */
	public Optional<Upcoming> upcoming(PersonId person) {
		LocalDate today = LocalDate.now(clock);
		return schedule.nextBlock(person).map(b -> {
			LocalDate from = b.startsOn().minusDays(DAYS_AHEAD);
			return new Upcoming(b, from, !today.isBefore(from));
		});
	}

	private UUID releasedPendingTip(NeedsResults.Viewer reviewer, int year, UUID tipId) {
		UUID rotation = jdbc
			.sql("SELECT rotation_id FROM needs_tip WHERE id = ? AND academic_year = ? AND status = 'PENDING'")
			.params(tipId, year)
			.query(UUID.class)
			.optional()
			.orElseThrow(() -> new NeedsInputException("tip", "needs.tip.notFound"));
		boolean released = reviewQueue(reviewer, year).stream()
			.anyMatch(q -> q.released() && q.rotation().id().equals(rotation)
					&& q.tips().stream().anyMatch(t -> t.id().equals(tipId)));
		if (!released) {
			throw new NeedsInputException("tip", "needs.tip.notFound");
		}
		return rotation;
	}

}
