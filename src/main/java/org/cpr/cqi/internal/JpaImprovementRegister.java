package org.cpr.cqi.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.cqi.BoardEntry;
import org.cpr.cqi.CqiStatus;
import org.cpr.cqi.Decision;
import org.cpr.cqi.ImprovementRegister;
import org.cpr.cqi.ItemDraft;
import org.cpr.cqi.ItemView;
import org.cpr.cqi.PresentationRecord;
import org.cpr.cqi.Remeasurement;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The improvement register as Spring Data JPA over {@code cqi_item}, {@code cqi_solution}
 * and {@code cqi_presentation}; every step is also written to {@code cqi_status_change}.
 */
@Service("improvementRegister")
class JpaImprovementRegister implements ImprovementRegister {

	private final CqiItemRepository items;

	private final CqiSolutionRepository solutions;

	private final CqiPresentationRepository presentations;

	private final JdbcClient jdbc;

	private final AuditPort audit;

	private final Clock clock;

	JpaImprovementRegister(CqiItemRepository items, CqiSolutionRepository solutions,
			CqiPresentationRepository presentations, JdbcClient jdbc, AuditPort audit, Clock clock) {
		this.items = items;
		this.solutions = solutions;
		this.presentations = presentations;
		this.jdbc = jdbc;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional
	@Override
	public UUID create(ItemDraft draft, PersonId by) {
		Instant now = clock.instant();
		CqiItem item = new CqiItem(UUID.randomUUID(), by.value(), now);
		describe(item, draft, now);
		items.saveAndFlush(item);
		history(item.getId(), null, CqiStatus.IDENTIFIED, by, now);
		audit.record(AuditEntry.success(by, "CQI_ITEM_CREATED", "cqi_item", item.getId().toString()));
		return item.getId();
	}

	@Transactional
	@Override
	public void update(UUID id, ItemDraft draft, PersonId by) {
		describe(load(id), draft, clock.instant());
	}

	@Transactional
	@Override
	public void move(UUID id, CqiStatus target, String reason, PersonId by) {
		CqiItem item = load(id);
		if (!item.getStatus().canMoveTo(target)) {
			throw new RefusedException("cqi.error.transition");
		}
		if (target == CqiStatus.DECLINED && (reason == null || reason.isBlank())) {
			throw new RefusedException("cqi.error.declineReason");
		}
		step(item, target, reason, by);
	}

	@Transactional
	@Override
	public void addSolution(UUID id, String description, PersonId by) {
		CqiItem item = load(id);
		Instant now = clock.instant();
		solutions.save(new CqiSolution(UUID.randomUUID(), id, description.strip(), by.value(), now));
		if (item.getStatus() == CqiStatus.IDENTIFIED) {
			step(item, CqiStatus.ANALYSED, null, by);
		}
		if (item.getStatus() == CqiStatus.ANALYSED || item.getStatus() == CqiStatus.DECLINED
				|| item.getStatus() == CqiStatus.PRESENTED) {
			step(item, CqiStatus.SOLUTION_PROPOSED, null, by);
		}
	}

	@Transactional
	@Override
	public void recordPresentation(UUID id, PresentationRecord p, PersonId by) {
		CqiItem item = load(id);
		if (p.decision() == Decision.DECLINED && (p.decisionReason() == null || p.decisionReason().isBlank())) {
			throw new RefusedException("cqi.error.declineReason");
		}
		if (item.getStatus() != CqiStatus.SOLUTION_PROPOSED && item.getStatus() != CqiStatus.PRESENTED) {
			throw new RefusedException("cqi.error.presentFirst");
		}
		presentations.save(new CqiPresentation(UUID.randomUUID(), id, p.presentedOn(), p.audience(), p.audienceNote(),
				p.decision(), p.decisionReason(), p.followUps(), by.value(), clock.instant()));
		if (item.getStatus() == CqiStatus.SOLUTION_PROPOSED) {
			step(item, CqiStatus.PRESENTED, null, by);
		}
		if (p.decision() == Decision.ACCEPTED) {
			step(item, CqiStatus.ACCEPTED, p.decisionReason(), by);
		}
		else if (p.decision() == Decision.DECLINED) {
			step(item, CqiStatus.DECLINED, p.decisionReason(), by);
		}
	}

	@Transactional
	@Override
	public void publish(UUID id, String youSaid, String weDid, PersonId by) {
		load(id).publish(youSaid.strip(), weDid == null ? null : weDid.strip(), clock.instant());
		audit.record(AuditEntry.success(by, "CQI_ITEM_PUBLISHED", "cqi_item", id.toString()));
	}

	@Transactional(readOnly = true)
	@Override
	public List<ItemView> list() {
		LocalDate today = today();
		return items.findAllByOrderByUpdatedAtDesc().stream().map(i -> view(i, today, false)).toList();
	}

	@Transactional(readOnly = true)
	@Override
	public Optional<ItemView> find(UUID id) {
		return items.findById(id).map(i -> view(i, today(), true));
	}

	@Transactional(readOnly = true)
	@Override
	public List<BoardEntry> board() {
		java.util.Map<UUID, Remeasurement> remeasured = new java.util.HashMap<>();
		jdbc.sql(
				"SELECT item_id, wave_id, label, before_text, after_text, recorded_on FROM cqi_remeasurement ORDER BY recorded_on, label")
			.query(rs -> {
				remeasured.put(rs.getObject(1, UUID.class), new Remeasurement(rs.getObject(2, UUID.class),
						rs.getString(3), rs.getString(4), rs.getString(5), rs.getDate(6).toLocalDate()));
			});
		return items.findByPublishedTrueOrderByUpdatedAtDesc()
			.stream()
			.map(i -> new BoardEntry(i.getCategory(), i.getStatus(), i.getYouSaid(), i.getWeDid(),
					i.getStatus() == CqiStatus.DECLINED ? i.getDecisionReason() : null,
					LocalDate.ofInstant(i.getUpdatedAt(), ZoneOffset.UTC), remeasured.get(i.getId())))
			.toList();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	private CqiItem load(UUID id) {
		return items.findById(id).orElseThrow(() -> new RefusedException("cqi.error.notFound"));
	}

	private void describe(CqiItem item, ItemDraft d, Instant now) {
		item.describe(d.title().strip(), d.problemStatement().strip(), d.hospitalId(), blankToNull(d.unitName()),
				blankToNull(d.rotationName()), d.category(), d.owner() == null ? null : d.owner().value(), d.dueOn(),
				now);
	}

	private void step(CqiItem item, CqiStatus target, String reason, PersonId by) {
		CqiStatus from = item.getStatus();
		Instant now = clock.instant();
		item.moveTo(target, reason, now);
		history(item.getId(), from, target, by, now);
	}

	private void history(UUID item, CqiStatus from, CqiStatus to, PersonId by, Instant at) {
		jdbc.sql(
				"INSERT INTO cqi_status_change (id, item_id, from_status, to_status, changed_by, changed_at) VALUES (?,?,?,?,?,?)")
			.params(UUID.randomUUID(), item, from == null ? null : from.name(), to.name(), by.value(),
					java.sql.Timestamp.from(at))
			.update();
	}

	private ItemView view(CqiItem i, LocalDate today, boolean withDetail) {
		List<ItemView.Solution> sols = withDetail ? solutions.findByItemIdOrderByProposedAt(i.getId())
			.stream()
			.map(s -> new ItemView.Solution(s.getDescription(), s.getProposedAt()))
			.toList() : List.of();
		List<ItemView.Presentation> pres = withDetail ? presentations.findByItemIdOrderByPresentedOnDesc(i.getId())
			.stream()
			.map(p -> new ItemView.Presentation(p.getPresentedOn(), p.getAudience(), p.getAudienceNote(),
					p.getDecision(), p.getDecisionReason(), p.getFollowUps()))
			.toList() : List.of();
		return new ItemView(i.getId(), i.getTitle(), i.getProblemStatement(), i.getHospitalId(), i.getUnitName(),
				i.getRotationName(), i.getCategory(), i.getStatus(), i.getStatus().next(), i.getDecisionReason(),
				i.getDueOn(), i.overdueOn(today), i.getYouSaid(), i.getWeDid(), i.isPublished(), i.getCreatedAt(),
				i.getUpdatedAt(), i.getClosedAt(), sols, pres);
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
