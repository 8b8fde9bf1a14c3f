package org.cpr.peersupport.internal;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.identity.PeopleAdministration;
import org.cpr.identity.PersonSummary;
import org.cpr.identity.TraineeType;
import org.cpr.peersupport.DurationBand;
import org.cpr.peersupport.EncounterEntry;
import org.cpr.peersupport.EncounterType;
import org.cpr.peersupport.EventType;
import org.cpr.peersupport.PeerRequestId;
import org.cpr.peersupport.PeerRequests;
import org.cpr.peersupport.PeerRoster;
import org.cpr.peersupport.RosterEntry;
import org.cpr.peersupport.Training;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Demo peer support network (demo profile only): a coordinator login ({@code peercoord}),
 * a reach-in referrer login ({@code riskmanager}, a nurse manager at University
 * Hospital), eight trained supporters (the {@code peer} login among them; one paused, one
 * due a refresher) and a few requests in different states. Idempotent: does nothing once
 * a supporter exists.
 */
@Component
@Order(30)
@ConditionalOnProperty(name = "cpr.demo.seed", havingValue = "true")
class DemoPeerSupportSeeder implements ApplicationRunner {

	/** The demo campus's shared demo password (identity's DemoCampus). */
	private static final String DEMO_PASSWORD = "demo-resilience-2026";

	private static final Logger log = LoggerFactory.getLogger(DemoPeerSupportSeeder.class);

	private final SupporterStore supporters;

	private final PeerRoster roster;

	private final PeerRequests requests;

	private final IdentityManagement identity;

	private final PeopleAdministration people;

	private final Clock clock;

	DemoPeerSupportSeeder(SupporterStore supporters, PeerRoster roster, PeerRequests requests,
			IdentityManagement identity, PeopleAdministration people, Clock clock) {
		this.supporters = supporters;
		this.roster = roster;
		this.requests = requests;
		this.identity = identity;
		this.people = people;
		this.clock = clock;
	}

	@Override
	@Transactional
	public void run(ApplicationArguments args) {
		Optional<PersonSummary> peer = identity.byUsername("peer");
		if (peer.isEmpty() || supporters.exists(peer.get().id())) {
			return;
		}
		Map<String, OrgUnitSummary> units = identity.orgUnits()
			.stream()
			.collect(Collectors.toMap(OrgUnitSummary::code, u -> u));
		// grants are attributed to the demo system administrator (the seeding acts for
		// them)
		PersonId seeder = identity.byUsername("sysadmin").map(PersonSummary::id).orElse(peer.get().id());
		PersonId coordinator = login(seeder, "peercoord", "Robin Alvarez", TraineeType.STAFF, units.get("UH-NURS"),
				Role.PEER_SUPPORT_COORDINATOR, units.get("CAMPUS"));
		PersonId filer = login(seeder, "riskmanager", "Morgan Ellis, RN", TraineeType.NURSE, units.get("UH-NURS"),
				Role.REACH_IN_REFERRER, units.get("UH"));
		LocalDate today = LocalDate.now(clock);
		enrol(peer.get().id(), TraineeType.NURSE, "Medical-surgical nursing", units.get("UH"), List.of("en", "zh"),
				today.minusMonths(8), coordinator);
		List<PersonSummary> population = identity.audience(List.of(units.get("CAMPUS").id()), Set.of(), Set.of());
		List<PersonId> team = new ArrayList<>();
		String[][] wanted = { { "RESIDENT", "Internal medicine" }, { "RESIDENT", "General surgery" },
				{ "RESIDENT", "Emergency medicine" }, { "FELLOW", "Cardiology" }, { "NURSE", "Pediatric nursing" },
				{ "PHARMACIST", "Clinical pharmacy" }, { "FACULTY", "Hospital medicine" } };
		Set<PersonId> used = new java.util.HashSet<>(List.of(peer.get().id()));
		for (String[] w : wanted) {
			TraineeType type = TraineeType.valueOf(w[0]);
			// generated people only (their usernames have a dot): the named demo logins
			// keep their one role
			population.stream()
				.filter(p -> p.traineeType() == type && !used.contains(p.id()) && p.username().contains("."))
				.reduce((a, b) -> b)
				.ifPresent(p -> {
					used.add(p.id());
					team.add(p.id());
					boolean spanish = team.size() % 3 == 0;
					enrol(p.id(), type, w[1], units.get(type == TraineeType.NURSE ? "CH" : "UH"),
							spanish ? List.of("en", "es") : List.of("en"), today.minusMonths(team.size() * 3L),
							coordinator);
				});
		}
		if (team.size() > 6) {
			roster.pause(team.get(5), today.plusDays(14));
			supporters.addTraining(team.get(6),
					new Training("Peer support refresher", today.minusYears(3), today.minusDays(10)));
		}
		seedRequests(units, filer, coordinator, peer.get().id(), population, used);
		log.info("Demo peer support seeded: {} supporters", roster.roster().size());
	}

	private void seedRequests(Map<String, OrgUnitSummary> units, PersonId filer, PersonId coordinator, PersonId peer,
			List<PersonSummary> population, Set<PersonId> used) {
		List<PersonSummary> residents = population.stream()
			.filter(p -> EnumSet.of(TraineeType.RESIDENT, TraineeType.NURSE).contains(p.traineeType())
					&& !used.contains(p.id()) && p.username().contains("."))
			.toList();
		if (residents.size() < 4) {
			return;
		}
		LocalDate yesterday = LocalDate.now(clock).minusDays(1);
		// A patient death on a surgical ward: two clinicians involved, the first waits
		// for the coordinator.
		requests.fileReachIn(filer, EventType.PATIENT_DEATH, yesterday,
				List.of(residents.get(0).id(), residents.get(1).id()));
		// A violent incident: a nurse reached by the demo peer supporter, one encounter
		// logged.
		PersonSummary nurse = residents.stream()
			.filter(p -> p.traineeType() == TraineeType.NURSE)
			.findFirst()
			.orElse(residents.get(2));
		List<PeerRequestId> violent = requests.fileReachIn(filer, EventType.VIOLENT_INCIDENT, yesterday.minusDays(2),
				List.of(nurse.id()));
		assign(violent.get(0), peer, coordinator);
		// A self-referral, awaiting confirmation.
		PersonSummary self = residents.get(3);
		if (!self.id().equals(nurse.id())) {
			requests.selfRefer(self.id(), "es");
		}
	}

	private void assign(PeerRequestId id, PersonId peer, PersonId coordinator) {
		try {
			requests.confirm(id, peer, coordinator);
			requests.logEncounter(id, peer, new EncounterEntry(LocalDate.now(clock), DurationBand.MIN_15_TO_30,
					EncounterType.INDIVIDUAL, true, false, false));
		}
		catch (RuntimeException notEligible) {
			log.info("Demo reach-in left for the coordinator: the demo peer supporter is not eligible for it");
		}
	}

	private void enrol(PersonId person, TraineeType profession, String specialty, OrgUnitSummary site,
			List<String> languages, LocalDate trained, PersonId coordinator) {
		roster.enrol(person,
				new RosterEntry(profession, specialty, site == null ? null : site.id(), languages, true, 3),
				coordinator);
		supporters.addTraining(person,
				new Training("Peer support training (Scott three-tier model)", trained, trained.plusYears(2)));
	}

	private PersonId login(PersonId seeder, String username, String name, TraineeType type, OrgUnitSummary department,
			Role role, OrgUnitSummary scope) {
		Optional<PersonSummary> existing = identity.byUsername(username);
		UUID id = existing.map(p -> p.id().value())
			.orElseGet(() -> people.create(new PeopleAdministration.PersonDetails(username,
					username + "@demo.cpr.example", name, type, null, null, department.id().value(), true), seeder));
		if (existing.isEmpty()) {
			people.setPassword(id, DEMO_PASSWORD, seeder);
			people.grant(id, Role.PARTICIPANT,
					identity.orgUnits()
						.stream()
						.filter(u -> u.parent() == null)
						.findFirst()
						.map(u -> u.id().value())
						.orElseThrow(),
					seeder);
		}
		people.grant(id, role, scope.id().value(), seeder);
		return new PersonId(id);
	}

}
