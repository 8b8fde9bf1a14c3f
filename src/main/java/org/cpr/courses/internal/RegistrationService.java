package org.cpr.courses.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.cpr.courses.Audience;
import org.cpr.courses.CohortOutcome;
import org.cpr.courses.InvalidPlan;
import org.cpr.courses.Offering;
import org.cpr.courses.OfferingId;
import org.cpr.courses.PlanError;
import org.cpr.courses.Registration;
import org.cpr.courses.RegistrationRefused;
import org.cpr.courses.RegistrationRefused.Reason;
import org.cpr.courses.RegistrationStatus;
import org.cpr.courses.Registrations;
import org.cpr.courses.SeatOffered;
import org.cpr.courses.internal.RegistrationStore.Seats;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Registrations} over the module's own stores: callers see only the interface. */
@Service("registrations")
class RegistrationService implements Registrations {

	private final RegistrationStore store;

	private final OfferingStore offerings;

	private final IdentityManagement identity;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	RegistrationService(RegistrationStore store, OfferingStore offerings, IdentityManagement identity,
			ApplicationEventPublisher events, Clock clock) {
		this.store = store;
		this.offerings = offerings;
		this.identity = identity;
		this.events = events;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Registration register(OfferingId offering, PersonId person, Set<Role> roles) {
		Offering found = offerings.find(offering).orElseThrow(() -> new RegistrationRefused(Reason.UNKNOWN_OFFERING));
		if (!inAudience(found.audience(), person, roles)) {
			throw new RegistrationRefused(Reason.NOT_IN_AUDIENCE);
		}
		return decide(offering, person, null);
	}

	@Override
	@Transactional
	public CohortOutcome registerCohort(OfferingId offering, Collection<PersonId> people, PersonId coordinator) {
		int seated = 0;
		int waitlisted = 0;
		int already = 0;
		for (PersonId person : people) {
			try {
				Registration r = decide(offering, person, coordinator);
				if (r.status() == RegistrationStatus.SEATED) {
					seated++;
				}
				else {
					waitlisted++;
				}
			}
			catch (RegistrationRefused refused) {
				if (refused.reason() != Reason.ALREADY_REGISTERED) {
					throw refused;
				}
				already++;
			}
		}
		return new CohortOutcome(seated, waitlisted, already);
	}

	@Override
	@Transactional(readOnly = true)
	public List<PersonId> cohort(OrgUnitId program, org.cpr.identity.TraineeType type, String level) {
		return identity.audience(List.of(program), type == null ? Set.of() : Set.of(type), Set.of())
			.stream()
			.filter(p -> level == null || level.isBlank() || level.strip().equalsIgnoreCase(p.trainingLevel()))
			.map(PersonSummary::id)
			.toList();
	}

	@Override
	@Transactional
	public void cancel(OfferingId offering, PersonId person, boolean byCoordinator) {
		Seats seats = store.lock(offering).orElseThrow(() -> new RegistrationRefused(Reason.UNKNOWN_OFFERING));
		Registration r = store.find(offering, person)
			.filter(x -> x.status().active())
			.orElseThrow(() -> new RegistrationRefused(Reason.NOT_REGISTERED));
		Instant now = clock.instant();
		if (r.status() == RegistrationStatus.SEATED && !byCoordinator) {
			int cutoff = offerings.find(offering).map(Offering::cancellationCutoffHours).orElse(0);
			boolean closed = offerings.firstStart(offering)
				.map(start -> !now.isBefore(start.minus(Duration.ofHours(cutoff))))
				.orElse(false);
			if (closed) {
				throw new RegistrationRefused(Reason.CANCELLATION_CLOSED);
			}
		}
		store.cancel(r.id(), now);
		int taken = seats.seatsTaken() - (r.status() == RegistrationStatus.SEATED ? 1 : 0);
		fill(offering, seats.capacity(), taken, seats.arrivals());
	}

	@Override
	@Transactional
	public void recount(OfferingId offering) {
		Seats seats = store.lock(offering).orElseThrow(() -> new RegistrationRefused(Reason.UNKNOWN_OFFERING));
		int capacity = offerings.sessionCapacity(offering);
		if (capacity == 0) {
			return;
		}
		if (capacity < seats.seatsTaken()) {
			throw new InvalidPlan(List.of(new PlanError("capacity", "courses.plan.capacityBelowSeated")));
		}
		store.writeCapacity(offering, capacity);
		fill(offering, capacity, seats.seatsTaken(), seats.arrivals());
	}

	@Override
	@Transactional(readOnly = true)
	public List<Registration> roster(OfferingId offering) {
		return store.roster(offering);
	}

	@Override
	@Transactional(readOnly = true)
	public List<Registration> ofPerson(PersonId person) {
		return store.ofPerson(person);
	}

	@Override
	@Transactional(readOnly = true)
	public java.util.Optional<Registration> find(OfferingId offering, PersonId person) {
		return store.find(offering, person).filter(r -> r.status().active());
	}

	@Override
	public boolean inAudience(Audience audience, PersonId person, Set<Role> roles) {
		if (audience.open()) {
			return true;
		}
		PersonSummary p = identity.person(person).orElse(null);
		if (p == null) {
			return false;
		}
		boolean type = audience.traineeTypes().isEmpty() || audience.traineeTypes().contains(p.traineeType());
		boolean role = audience.roles().isEmpty() || audience.roles().stream().anyMatch(roles::contains);
		boolean program = audience.programs().isEmpty() || audience.programs()
			.stream()
			.map(identity::subtree)
			.anyMatch(units -> units.contains(p.program()) || units.contains(p.department()));
		return type && role && program;
	}

	/** Decides one request under the offering's row lock. */
	private Registration decide(OfferingId offering, PersonId person, PersonId by) {
		Seats seats = store.lock(offering).orElseThrow(() -> new RegistrationRefused(Reason.UNKNOWN_OFFERING));
		Instant now = clock.instant();
		boolean started = offerings.firstStart(offering).map(start -> !now.isBefore(start)).orElse(true);
		if (!seats.open() || started) {
			throw new RegistrationRefused(Reason.OFFERING_CLOSED);
		}
		var existing = store.find(offering, person);
		if (existing.filter(r -> r.status().active()).isPresent()) {
			throw new RegistrationRefused(Reason.ALREADY_REGISTERED);
		}
		long arrival = seats.arrivals() + 1;
		boolean seat = seats.seatsTaken() < seats.capacity();
		store.writeCounter(offering, seats.seatsTaken() + (seat ? 1 : 0), arrival);
		store.record(offering, person, seat ? RegistrationStatus.SEATED : RegistrationStatus.WAITLISTED, arrival, now,
				by, existing.isPresent());
		return store.find(offering, person).orElseThrow();
	}

	private void fill(OfferingId offering, int capacity, int taken, long arrivals) {
		Instant now = clock.instant();
		while (taken < capacity) {
			var next = store.firstWaitlisted(offering);
			if (next.isEmpty()) {
				break;
			}
			store.seat(next.get().id(), now);
			taken++;
			events.publishEvent(new SeatOffered(offering, next.get().person()));
		}
		store.writeCounter(offering, taken, arrivals);
	}

}
