package org.cpr.peersupport.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.peersupport.DurationBand;
import org.cpr.peersupport.EncounterEntry;
import org.cpr.peersupport.EncounterType;
import org.cpr.peersupport.EventType;
import org.cpr.peersupport.PeerRequestId;
import org.cpr.peersupport.PeerRequests;
import org.cpr.peersupport.PeerSupportRefused;
import org.cpr.shared.BackdatingClock;
import org.cpr.shared.PersonId;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Demo history only ({@code cpr.demo.history}): a year of peer support behind the demo's
 * current requests. About one request every three weeks (adverse-event reach-ins filed by
 * the risk manager, self-referrals), each matched by the matching rules, confirmed by the
 * coordinator, contacted, one encounter logged and closed, through the requests service
 * at earlier instants, so the coordinator's report has counts to release.
 */
@Component
@Order(170)
@ConditionalOnProperty(name = "cpr.demo.history", havingValue = "true")
@org.cpr.shared.DemoHistorySeeder
class DemoPeerSupportHistory implements ApplicationRunner {

	private static final Logger log = LoggerFactory.getLogger(DemoPeerSupportHistory.class);

	static final int REQUESTS = 16;

	private final PeerRequests requests;

	private final IdentityManagement identity;

	private final Clock clock;

	DemoPeerSupportHistory(PeerRequests requests, IdentityManagement identity, Clock clock) {
		this.requests = requests;
		this.identity = identity;
		this.clock = clock;
	}

	@Override
	public void run(ApplicationArguments args) {
		var coordinator = identity.byUsername("peercoord");
		var filer = identity.byUsername("riskmanager");
		if (!(clock instanceof BackdatingClock past) || coordinator.isEmpty() || filer.isEmpty()) {
			return;
		}
		var roots = identity.orgUnits().stream().filter(u -> u.parent() == null).map(u -> u.id()).toList();
		List<PersonSummary> people = identity
			.audience(roots, EnumSet.of(TraineeType.MEDICAL_STUDENT, TraineeType.ALLIED_HEALTH, TraineeType.STAFF),
					Set.of())
			.stream()
			.filter(p -> p.username().contains("."))
			.sorted(Comparator.comparing(PersonSummary::username))
			.toList();
		// seeded by an earlier start: the history's first self-referral (i = 2 below) is
		// there
		// (ownRequests lists self-referrals only; asking about people.get(0), whose
		// request is
		// a reach-in, found nothing, so every restart of a demo database added the year
		// again)
		if (people.isEmpty() || !requests.ownRequests(people.get(2 % people.size()).id()).isEmpty()) {
			return;
		}
		LocalDate today = LocalDate.now(clock);
		EventType[] events = EventType.values();
		int closed = 0;
		for (int i = 0; i < REQUESTS; i++) {
			PersonSummary person = people.get(i % people.size());
			LocalDate filed = today.minusDays(340 - 20L * i);
			EventType event = events[i % events.length];
			try {
				PeerRequestId id = i % 3 == 2 ? past.at(at(filed, 9), () -> requests.selfRefer(person.id(), "en"))
						: past.at(at(filed, 9),
								() -> requests
									.fileReachIn(filer.get().id(), event, filed.minusDays(1), List.of(person.id()))
									.get(0));
				closed += handle(past, id, coordinator.get().id(), filed, i) ? 1 : 0;
			}
			catch (PeerSupportRefused | IllegalStateException refused) {
				// the matching rules decide (load, pauses, conflicts): a refusal leaves
				// the request where it is
				log.info("Demo history: a peer support request left as it was ({})",
						refused.getClass().getSimpleName());
			}
		}
		log.info("Demo history: {} peer support requests, {} closed", REQUESTS, closed);
	}

	/**
	 * Matched, confirmed, contacted, one encounter, closed; false when no supporter fits.
	 */
	private boolean handle(BackdatingClock past, PeerRequestId id, PersonId coordinator, LocalDate filed, int i) {
		var request = past.at(at(filed, 11), () -> requests.forCoordinator(id, coordinator));
		var proposal = past.at(at(filed, 11), () -> requests.propose(request));
		if (proposal.isEmpty()) {
			return false;
		}
		PersonId supporter = proposal.get().supporter();
		past.run(at(filed, 12), () -> requests.confirm(id, supporter, coordinator));
		past.run(at(filed, 17), () -> requests.contacted(id, supporter));
		DurationBand[] bands = DurationBand.values();
		past.run(at(filed.plusDays(1), 18),
				() -> requests.logEncounter(id, supporter,
						new EncounterEntry(filed.plusDays(1), bands[1 + i % (bands.length - 1)],
								i % 4 == 3 ? EncounterType.FOLLOW_UP : EncounterType.INDIVIDUAL, i % 2 == 0, i % 5 == 0,
								false)));
		past.run(at(filed.plusDays(10), 10), () -> requests.close(id, supporter));
		return true;
	}

	private static Instant at(LocalDate day, int hour) {
		return day.atTime(hour, 0).toInstant(ZoneOffset.UTC);
	}

}
