package org.cpr.assistance;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The program lead's view of access to individual assistance, as aggregates only, each
 * through the disclosure gate: working days from first request to first appointment (and
 * the share within the program's target,
 * {@code cpr.assistance.first-appointment-target-days}), days waited by people on the
 * waiting list, and referrals by status. Units are opaque episode or request ids, never
 * people.
 */
@Service
public class AssistanceReports {

	/**
	 * The report of one window: each figure is a gate result (released or suppressed).
	 */
	public record AccessReport(LocalDate from, LocalDate to, int targetDays, CellResult daysToFirst,
			CellResult withinTarget, CellResult waiting, List<CellResult> referralsByStatus) {
	}

	private final JdbcClient jdbc;

	private final DisclosureGate gate;

	private final Clock clock;

	private final int targetDays;

	AssistanceReports(JdbcClient jdbc, DisclosureGate gate, Clock clock,
			@Value("${cpr.assistance.first-appointment-target-days:5}") int targetDays) {
		this.jdbc = jdbc;
		this.gate = gate;
		this.clock = clock;
		this.targetDays = targetDays;
	}

	/**
	 * The last {@code days} days (first appointments in that window; referrals created in
	 * it; the waiting list now).
	 */
	@Transactional(readOnly = true)
	public AccessReport lastDays(int days, PersonId viewer, Role role) {
		LocalDate to = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC).plusDays(1);
		LocalDate from = to.minusDays(days);
		Instant start = from.atStartOfDay(ZoneOffset.UTC).toInstant();
		Instant end = to.atStartOfDay(ZoneOffset.UTC).toInstant();
		List<Contribution> waits = new ArrayList<>();
		List<Contribution> within = new ArrayList<>();
		jdbc.sql(
				"SELECT e.id, e.requested_at, MIN(a.starts_at) FROM assist_episode e JOIN assist_appointment a ON a.episode_id = e.id "
						+ "WHERE a.status = 'BOOKED' GROUP BY e.id, e.requested_at HAVING MIN(a.starts_at) >= ? AND MIN(a.starts_at) < ?")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query((rs, n) -> {
				long d = workingDays(rs.getTimestamp(2).toInstant(), rs.getTimestamp(3).toInstant());
				String unit = rs.getObject(1, UUID.class).toString();
				waits.add(Contribution.value(unit, d));
				within.add(Contribution.value(unit, d <= targetDays ? 1 : 0));
				return null;
			})
			.list();
		List<Contribution> waiting = new ArrayList<>();
		Instant now = clock.instant();
		jdbc.sql("SELECT id, requested_at FROM assist_waitlist WHERE status = 'WAITING'")
			.query((rs,
					n) -> waiting.add(Contribution.value(rs.getObject(1, UUID.class).toString(),
							workingDays(rs.getTimestamp(2).toInstant(), now))))
			.list();
		String window = from + ":" + to;
		CellResult first = one(viewer, role, "assistance:first-appointment:" + window, "days-to-first", waits);
		CellResult share = one(viewer, role, "assistance:first-appointment-target:" + window, "within-target", within);
		CellResult wait = one(viewer, role, "assistance:waitlist:" + LocalDate.ofInstant(now, ZoneOffset.UTC),
				"waiting-days", waiting);
		return new AccessReport(from, to, targetDays, first, share, wait, referrals(viewer, role, start, end, window));
	}

	private List<CellResult> referrals(PersonId viewer, Role role, Instant start, Instant end, String window) {
		List<CellRequest> cells = new ArrayList<>();
		List<Contribution> all = new ArrayList<>();
		List<String[]> rows = jdbc
			.sql("SELECT id, status FROM assist_referral WHERE created_at >= ? AND created_at < ?")
			.params(Timestamp.from(start), Timestamp.from(end))
			.query((rs, n) -> new String[] { rs.getString(1), rs.getString(2) })
			.list();
		rows.forEach(r -> all.add(Contribution.value(r[0], 1)));
		if (all.isEmpty()) {
			return List.of();
		}
		cells.add(new CellRequest("ALL", null, 0, List.of(), all));
		for (ReferralStatus status : ReferralStatus.values()) {
			List<Contribution> of = rows.stream()
				.filter(r -> r[1].equals(status.name()))
				.map(r -> Contribution.value(r[0], 1))
				.toList();
			if (!of.isEmpty()) {
				cells.add(new CellRequest(status.name(), "ALL", 1, List.of("status"), of));
			}
		}
		return gate.evaluate(new DisclosureRequest(viewer, role, "assistance:referrals:" + window, "referral-status",
				MeasureType.NUMERIC, DisclosurePolicy.defaults(), cells));
	}

	private CellResult one(PersonId viewer, Role role, String round, String measure, List<Contribution> contributions) {
		if (contributions.isEmpty()) {
			return null;
		}
		return gate
			.evaluate(new DisclosureRequest(viewer, role, round, measure, MeasureType.NUMERIC,
					DisclosurePolicy.defaults(), List.of(new CellRequest("ALL", null, 0, List.of(), contributions))))
			.get(0);
	}

	/**
	 * Monday-to-Friday days after the request day up to and including the appointment day
	 * (UTC).
	 */
	static long workingDays(Instant requested, Instant appointment) {
		LocalDate day = LocalDate.ofInstant(requested, ZoneOffset.UTC);
		LocalDate last = LocalDate.ofInstant(appointment, ZoneOffset.UTC);
		long n = 0;
		while (day.isBefore(last)) {
			day = day.plusDays(1);
			if (day.getDayOfWeek() != DayOfWeek.SATURDAY && day.getDayOfWeek() != DayOfWeek.SUNDAY) {
				n++;
			}
		}
		return n;
	}

}
