package org.cpr.courses.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.courses.Attendance;
import org.cpr.courses.AttendanceRefused;
import org.cpr.courses.AttendanceRefused.Reason;
import org.cpr.courses.Attendee;
import org.cpr.courses.CheckInCode;
import org.cpr.courses.CheckInMethod;
import org.cpr.courses.Offering;
import org.cpr.courses.Registration;
import org.cpr.courses.RegistrationStatus;
import org.cpr.courses.Registrations;
import org.cpr.courses.Session;
import org.cpr.courses.SessionCount;
import org.cpr.courses.SessionId;
import org.cpr.disclosure.CellRequest;
import org.cpr.disclosure.CellResult;
import org.cpr.disclosure.Contribution;
import org.cpr.disclosure.DisclosureGate;
import org.cpr.disclosure.DisclosurePolicy;
import org.cpr.disclosure.DisclosureRequest;
import org.cpr.disclosure.MeasureType;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Suppressed;
import org.cpr.identity.IdentityManagement;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Attendance} over the module's own stores: callers see only the interface. */
@Service("attendance")
class AttendanceService implements Attendance {

	static final Duration OPENS_BEFORE = Duration.ofHours(1);
	static final Duration CLOSES_AFTER = Duration.ofMinutes(30);

	private final OfferingStore offerings;

	private final AttendanceStore store;

	private final Registrations registrations;

	private final IdentityManagement identity;

	private final DisclosureGate gate;

	private final AuditPort audit;

	private final Clock clock;

	AttendanceService(OfferingStore offerings, AttendanceStore store, Registrations registrations,
			IdentityManagement identity, DisclosureGate gate, AuditPort audit, Clock clock) {
		this.offerings = offerings;
		this.store = store;
		this.registrations = registrations;
		this.identity = identity;
		this.gate = gate;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional(readOnly = true)
	public CheckInCode currentCode(SessionId id) {
		OfferingStore.SessionRow row = open(id, clock.instant());
		long window = CheckInCodes.window(clock.instant());
		return new CheckInCode(id, window, CheckInCodes.code(row.checkinSecret(), id.toString(), window),
				CheckInCodes.windowEnd(window));
	}

	@Override
	@Transactional(readOnly = true)
	public Session verify(SessionId id, long window, String code, int graceWindows) {
		Instant now = clock.instant();
		OfferingStore.SessionRow row = open(id, now);
		long current = CheckInCodes.window(now);
		if (window > current
				|| !CheckInCodes.matches(CheckInCodes.code(row.checkinSecret(), id.toString(), window), code)) {
			throw new AttendanceRefused(Reason.WRONG_CODE);
		}
		if (window < current - graceWindows) {
			throw new AttendanceRefused(Reason.EXPIRED_CODE);
		}
		return row.session();
	}

	@Override
	@Transactional
	public void checkIn(SessionId id, long window, String code, int graceWindows, PersonId person) {
		Session session = verify(id, window, code, graceWindows);
		boolean seated = registrations.find(session.offering(), person)
			.filter(r -> r.status() == RegistrationStatus.SEATED)
			.isPresent();
		if (!seated) {
			throw new AttendanceRefused(Reason.NOT_REGISTERED);
		}
		store.record(id, person, clock.instant(), CheckInMethod.QR);
	}

	@Override
	@Transactional
	public List<Attendee> roll(SessionId id, PersonId viewer) {
		Session session = session(id);
		Map<PersonId, AttendanceStore.Row> present = new LinkedHashMap<>();
		store.of(id).forEach(r -> present.put(r.person(), r));
		List<PersonId> seated = registrations.roster(session.offering())
			.stream()
			.filter(r -> r.status() == RegistrationStatus.SEATED)
			.map(Registration::person)
			.toList();
		List<PersonId> everyone = new ArrayList<>(seated);
		present.keySet().stream().filter(p -> !seated.contains(p)).forEach(everyone::add);
		Map<PersonId, String> names = identity.displayNames(everyone);
		audit.record(AuditEntry.of(viewer, "ATTENDANCE_ROLL_VIEWED", "course_session", id.toString(), "attendance")
			.detail("people=" + everyone.size()));
		return everyone.stream()
			.map(p -> new Attendee(p, names.getOrDefault(p, "?"), seated.contains(p), present.containsKey(p),
					present.containsKey(p) ? present.get(p).method() : null))
			.sorted(java.util.Comparator.comparing(Attendee::displayName))
			.toList();
	}

	@Override
	@Transactional
	public void rollCall(SessionId id, Set<PersonId> present) {
		Session session = session(id);
		Instant now = clock.instant();
		for (Registration r : registrations.roster(session.offering())) {
			if (r.status() != RegistrationStatus.SEATED) {
				continue;
			}
			if (present.contains(r.person())) {
				store.record(id, r.person(), now, CheckInMethod.ROLL_CALL);
			}
			else {
				store.remove(id, r.person());
			}
		}
	}

	@Override
	@Transactional
	public void walkIn(SessionId id, String username) {
		session(id);
		PersonId person = identity.byUsername(username)
			.map(p -> p.id())
			.orElseThrow(() -> new AttendanceRefused(Reason.UNKNOWN_PERSON));
		store.record(id, person, clock.instant(), CheckInMethod.WALK_IN);
	}

	@Override
	@Transactional
	public List<SessionCount> counts(Offering offering, PersonId viewer, Role viewerRole) {
		Map<SessionId, List<UUID>> attended = store.byOffering(offering.id().value());
		List<Session> sessions = offering.sessions().stream().filter(s -> !s.cancelled()).toList();
		if (!offering.confidential()) {
			return sessions.stream()
				.map(s -> new SessionCount(s, (long) attended.getOrDefault(s.id(), List.of()).size(), null, 0))
				.toList();
		}
		List<CellRequest> cells = new ArrayList<>();
		for (Session s : sessions) {
			List<UUID> ids = attended.getOrDefault(s.id(), List.of());
			if (!ids.isEmpty()) {
				cells.add(new CellRequest(s.id().toString(), null, 0, List.of(),
						ids.stream().map(a -> Contribution.value(a.toString(), 1)).toList()));
			}
		}
		Map<String, CellResult> results = new HashMap<>();
		if (!cells.isEmpty()) {
			gate.evaluate(new DisclosureRequest(viewer, viewerRole, "courses:" + offering.id(), "attendance",
					MeasureType.NUMERIC, DisclosurePolicy.defaults(), cells))
				.forEach(r -> results.put(r.cellKey(), r));
		}
		return sessions.stream().map(s -> {
			CellResult r = results.get(s.id().toString());
			if (r == null) {
				return new SessionCount(s, null, "courses.attendance.noneYet", 0);
			}
			return r instanceof Released released ? new SessionCount(s, released.respondents(), null, 0)
					: new SessionCount(s, null, ((Suppressed) r).messageKey(), ((Suppressed) r).threshold());
		}).toList();
	}

	@Override
	@Transactional(readOnly = true)
	public List<Map.Entry<SessionId, Instant>> attendedBy(PersonId person) {
		return store.ofPerson(person);
	}

	private OfferingStore.SessionRow open(SessionId id, Instant now) {
		OfferingStore.SessionRow row = offerings.session(id)
			.orElseThrow(() -> new AttendanceRefused(Reason.UNKNOWN_SESSION));
		if (row.session().cancelled()) {
			throw new AttendanceRefused(Reason.SESSION_CANCELLED);
		}
		if (now.isBefore(row.session().start().toInstant().minus(OPENS_BEFORE))
				|| now.isAfter(row.session().end().toInstant().plus(CLOSES_AFTER))) {
			throw new AttendanceRefused(Reason.OUTSIDE_SESSION);
		}
		return row;
	}

	private Session session(SessionId id) {
		return offerings.session(id)
			.map(OfferingStore.SessionRow::session)
			.orElseThrow(() -> new AttendanceRefused(Reason.UNKNOWN_SESSION));
	}

}
