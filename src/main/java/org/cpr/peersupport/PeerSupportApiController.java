package org.cpr.peersupport;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.identity.CprUser;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The peer support API: the roster (coordinators), reach-ins (referrers) and what a
 * referrer may know of them, the coordinator's queue and assignment, and the supporter's
 * encounter log. Bodies are read strictly (an unknown field refuses the request); errors
 * are RFC 9457 problem details naming the field, and a refused request changes nothing.
 */
@RestController
@Tag(name = "Peer support",
		description = "Roster of peer supporters, reach-in requests, assignment and the minimal encounter log")
class PeerSupportApiController {

	static final Set<String> SUPPORTER_FIELDS = Set.of("person", "profession", "specialty", "siteId", "languages",
			"maxLoad", "available", "training");
	static final Set<String> TRAINING_FIELDS = Set.of("course", "completedOn", "refresherDue");
	static final Set<String> REACH_IN_FIELDS = Set.of("eventType", "eventDate", "people");
	static final Set<String> ASSIGNMENT_FIELDS = Set.of("supporter");
	static final Set<String> DEBRIEF_FIELDS = Set.of("unit", "heldOn", "facilitators", "attendance");

	@Schema(description = "A peer supporter on the roster")
	record SupporterView(UUID person, String name, TraineeType profession, String specialty, UUID siteId,
			List<String> languages, boolean available, int maxLoad, int currentLoad, LocalDate pausedUntil,
			Training training) {
		static SupporterView of(SupporterProfile p, String name) {
			return new SupporterView(p.person().value(), name, p.profession(), p.specialty(),
					p.site() == null ? null : p.site().value(), p.languages(), p.available(), p.maxLoad(),
					p.currentLoad(), p.pausedUntil(), p.training());
		}
	}

	@Schema(description = "Put a person on the roster. person: username or e-mail; training optional")
	record SupporterRequest(String person, TraineeType profession, String specialty, UUID siteId,
			List<String> languages, Integer maxLoad, Boolean available, TrainingRequest training) {
	}

	@Schema(description = "A completed course; refresherDue after completedOn")
	record TrainingRequest(String course, LocalDate completedOn, LocalDate refresherDue) {
	}

	@Schema(description = "An adverse-event reach-in: event type and date only, and who was involved (usernames or e-mails)")
	record ReachInRequest(EventType eventType, LocalDate eventDate, List<String> people) {
	}

	@Schema(description = "What the filer of a referral learns: contact made or not yet, never content or a decline")
	record ReferralView(UUID id, UUID person, RequestKind kind, Instant filedAt, ReferrerView status) {
		static ReferralView of(PeerRequests.ReferredCase c) {
			return new ReferralView(c.id().value(), c.person().value(), c.kind(), c.filedAt(), c.view());
		}
	}

	@Schema(description = "A request in the coordinator's queue")
	record RequestView(UUID id, RequestKind kind, UUID person, EventType eventType, LocalDate eventDate,
			RequestStatus status, UUID proposedSupporter, UUID supporter, Instant filedAt, Instant dueAt,
			Instant firstContactAt, boolean escalated) {
		static RequestView of(PeerRequest r) {
			return new RequestView(r.id().value(), r.kind(), r.person().value(), r.eventType(), r.eventDate(),
					r.status(), r.proposedSupporter() == null ? null : r.proposedSupporter().value(),
					r.supporter() == null ? null : r.supporter().value(), r.filedAt(), r.dueAt(), r.firstContactAt(),
					r.escalatedAt() != null);
		}
	}

	@Schema(description = "Assign a supporter (person id, username or e-mail)")
	record AssignmentRequest(String supporter) {
	}

	@Schema(description = "An encounter: exactly these fields; any other field is refused")
	record EncounterRequest(LocalDate occurredOn, DurationBand duration, EncounterType type, Boolean referredDirectory,
			Boolean referredClinician, Boolean referredEap) {
	}

	@Schema(description = "A group debrief after a critical incident: unit, day, facilitators and how many attended (no attendee names)")
	record GroupDebriefView(UUID id, UUID unit, LocalDate heldOn, List<UUID> facilitators, int attendance) {
		static GroupDebriefView of(GroupDebrief d) {
			return new GroupDebriefView(d.id(), d.unit().value(), d.heldOn(),
					d.facilitators().stream().map(PersonId::value).toList(), d.attendance());
		}
	}

	@Schema(description = "Record a group debrief: unit id, a day not in the future, facilitators (usernames, e-mails or person ids) and an attendance from 1 to 500")
	record GroupDebriefRequest(@Schema(example = "3f2b8c1e-7a4d-4e59-9b0a-6c1d2e3f4a5b") UUID unit,
			@Schema(example = "2026-03-01") LocalDate heldOn,
			@Schema(example = "[\"coordinator\"]") List<String> facilitators,
			@Schema(example = "12", minimum = "1", maximum = "500") Integer attendance) {
	}

	private final PeerRoster roster;

	private final GroupDebriefs debriefs;

	private final PeerRequests requests;

	private final PeerPeople people;

	private final TransactionTemplate tx;

	private final MessageSource messages;

	PeerSupportApiController(PeerRoster roster, PeerRequests requests, PeerPeople people, TransactionTemplate tx,
			MessageSource messages, GroupDebriefs debriefs) {
		this.roster = roster;
		this.debriefs = debriefs;
		this.requests = requests;
		this.people = people;
		this.tx = tx;
		this.messages = messages;
	}

	@GetMapping("/api/v1/peer/supporters")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(summary = "The roster: every peer supporter with training, availability, load and pause (coordinators)")
	List<SupporterView> supporters() {
		List<SupporterProfile> all = roster.roster();
		Map<PersonId, String> names = people.names(all.stream().map(SupporterProfile::person).toList());
		return all.stream().map(p -> SupporterView.of(p, names.get(p.person()))).toList();
	}

	@PostMapping("/api/v1/peer/supporters")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(summary = "Put a person on the roster, optionally with a first training (coordinators)")
	ResponseEntity<SupporterView> enrol(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = SupporterRequest.class))) @RequestBody(
					required = false) String body,
			@AuthenticationPrincipal CprUser me) {
		StrictJson json = StrictJson.parse(body, SUPPORTER_FIELDS);
		PersonId person = people.find(json.text("person"))
			.orElseThrow(() -> new PeerSupportRefused(PeerSupportRefused.Reason.UNKNOWN_PERSON));
		String site = json.text("siteId");
		RosterEntry entry = new RosterEntry(json.enumValue("profession", TraineeType.class), json.text("specialty"),
				site == null ? null : new OrgUnitId(uuid("siteId", site)), json.texts("languages"),
				!Boolean.FALSE.equals(json.bool("available")),
				json.integer("maxLoad") == null ? 3 : json.integer("maxLoad"));
		Training training = training(body);
		tx.executeWithoutResult(s -> {
			roster.enrol(person, entry, me.personId());
			if (training != null) {
				roster.recordTraining(person, training, me.personId());
			}
		});
		SupporterProfile p = roster.profile(person).orElseThrow();
		return ResponseEntity.created(URI.create("/api/v1/peer/supporters/" + person))
			.body(SupporterView.of(p, people.names(List.of(person)).get(person)));
	}

	@PostMapping("/api/v1/peer/supporters/{person}/trainings")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(summary = "Record a completed training or refresher for a supporter (coordinators)")
	ResponseEntity<SupporterView> train(@PathVariable String person,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = TrainingRequest.class))) @RequestBody(
							required = false) String body,
			@AuthenticationPrincipal CprUser me) {
		PersonId id = new PersonId(uuid("person", person));
		StrictJson json = StrictJson.parse(body, TRAINING_FIELDS);
		roster.recordTraining(id,
				new Training(json.text("course"), json.date("completedOn"), json.date("refresherDue")), me.personId());
		SupporterProfile p = roster.profile(id).orElseThrow();
		return ResponseEntity.status(HttpStatus.CREATED).body(SupporterView.of(p, people.names(List.of(id)).get(id)));
	}

	@PostMapping("/api/v1/peer/reach-ins")
	@PreAuthorize("hasAnyRole('REACH_IN_REFERRER','PEER_SUPPORT_COORDINATOR')")
	@Operation(summary = "File an adverse-event reach-in: event type and date, and who was involved; all or nothing")
	ResponseEntity<List<ReferralView>> reachIn(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = ReachInRequest.class))) @RequestBody(
					required = false) String body,
			@AuthenticationPrincipal CprUser me) {
		StrictJson json = StrictJson.parse(body, REACH_IN_FIELDS);
		List<PersonId> involved = new ArrayList<>();
		for (String who : json.texts("people")) {
			involved.add(people.find(who)
				.orElseThrow(() -> new PeerSupportRefused(PeerSupportRefused.Reason.UNKNOWN_PERSON)));
		}
		List<PeerRequestId> ids = requests.fileReachIn(me.personId(), json.enumValue("eventType", EventType.class),
				json.date("eventDate"), involved);
		List<ReferralView> filed = requests.referredBy(me.personId())
			.stream()
			.filter(c -> ids.contains(c.id()))
			.map(ReferralView::of)
			.toList();
		return ResponseEntity.status(HttpStatus.CREATED).body(filed);
	}

	@GetMapping("/api/v1/peer/referrals")
	@Operation(summary = "Referrals the token holder filed for others: contact made or not yet (nothing else)")
	List<ReferralView> referrals(@AuthenticationPrincipal CprUser me) {
		return requests.referredBy(me.personId()).stream().map(ReferralView::of).toList();
	}

	@GetMapping("/api/v1/peer/requests")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(summary = "The coordinator's queue of open requests (audited)")
	List<RequestView> queue(@AuthenticationPrincipal CprUser me) {
		return requests.queue(me.personId()).stream().map(RequestView::of).toList();
	}

	@PostMapping("/api/v1/peer/requests/{id}/assignment")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(
			summary = "Confirm a supporter for a request (409 when one is already assigned; 422 when not trained or in conflict)")
	RequestView assign(@PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = AssignmentRequest.class))) @RequestBody(
							required = false) String body,
			@AuthenticationPrincipal CprUser me) {
		PeerRequestId request = new PeerRequestId(uuid("id", id));
		StrictJson json = StrictJson.parse(body, ASSIGNMENT_FIELDS);
		String who = json.text("supporter");
		PersonId supporter = who == null ? null : who.length() == 36 && who.chars().filter(c -> c == '-').count() == 4
				? new PersonId(uuid("supporter", who)) : people.find(who).orElse(null);
		requests.confirm(request, supporter, me.personId());
		return RequestView.of(requests.forCoordinator(request, me.personId()));
	}

	@PostMapping("/api/v1/peer/requests/{id}/encounters")
	@PreAuthorize("hasRole('PEER_SUPPORTER')")
	@Operation(
			summary = "Log an encounter (assigned supporter only): date, duration band, type, three referral flags; nothing else")
	ResponseEntity<Map<String, UUID>> encounter(@PathVariable String id,
			@io.swagger.v3.oas.annotations.parameters.RequestBody(
					content = @Content(schema = @Schema(implementation = EncounterRequest.class))) @RequestBody(
							required = false) String body,
			@AuthenticationPrincipal CprUser me) {
		PeerRequestId request = new PeerRequestId(uuid("id", id));
		StrictJson json = StrictJson.parse(body, EncounterForm.FIELDS);
		EncounterEntry entry = new EncounterEntry(json.date("occurredOn"),
				json.enumValue("duration", DurationBand.class), json.enumValue("type", EncounterType.class),
				json.bool("referredDirectory"), json.bool("referredClinician"), json.bool("referredEap"));
		UUID encounter = requests.logEncounter(request, me.personId(), entry);
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", encounter));
	}

	@GetMapping("/api/v1/peer/debriefs")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(
			summary = "Recent group debriefs after critical incidents: unit, day, facilitators, attendance count (coordinators)")
	List<GroupDebriefView> debriefs() {
		return debriefs.recent().stream().map(GroupDebriefView::of).toList();
	}

	@GetMapping("/api/v1/peer/debriefs/{id}")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(summary = "One group debrief (coordinators)")
	GroupDebriefView debrief(@PathVariable String id) {
		UUID debrief;
		try {
			debrief = UUID.fromString(id);
		}
		catch (IllegalArgumentException e) {
			throw new PeerSupportRefused(PeerSupportRefused.Reason.NOT_FOUND);
		}
		return GroupDebriefView.of(debriefs.find(debrief));
	}

	@PostMapping("/api/v1/peer/debriefs")
	@PreAuthorize("hasRole('PEER_SUPPORT_COORDINATOR')")
	@Operation(
			summary = "Record a group debrief after a critical incident (coordinators); 422 names the field for an unknown unit or facilitator, a day in the future or an attendance outside 1-500, and nothing is saved")
	ResponseEntity<GroupDebriefView> recordDebrief(@io.swagger.v3.oas.annotations.parameters.RequestBody(
			content = @Content(schema = @Schema(implementation = GroupDebriefRequest.class))) @RequestBody(
					required = false) String body,
			@AuthenticationPrincipal CprUser me) {
		StrictJson json = StrictJson.parse(body, DEBRIEF_FIELDS);
		String unit = json.text("unit");
		java.time.LocalDate heldOn = json.date("heldOn");
		List<String> names = json.texts("facilitators");
		Integer attendance = json.integer("attendance");
		List<PersonId> facilitators = new ArrayList<>();
		for (String who : names) {
			PersonId found = isUuid(who) ? new PersonId(uuid("facilitators", who)) : people.find(who).orElse(null);
			if (found == null) {
				throw new PeerSupportRefused(PeerSupportRefused.Reason.DEBRIEF_FACILITATORS_INVALID);
			}
			facilitators.add(found);
		}
		UUID id = debriefs.record(unit == null ? null : new OrgUnitId(uuid("unit", unit)), heldOn, facilitators,
				attendance, me.personId());
		return ResponseEntity.created(URI.create("/api/v1/peer/debriefs/" + id))
			.body(GroupDebriefView.of(debriefs.find(id)));
	}

	private static boolean isUuid(String s) {
		return s != null && s.length() == 36 && s.chars().filter(c -> c == '-').count() == 4;
	}

	private static Training training(String body) {
		try {
			var node = new com.fasterxml.jackson.databind.ObjectMapper().readTree(body).get("training");
			if (node == null || node.isNull()) {
				return null;
			}
			StrictJson t = StrictJson.parse(node.toString(), TRAINING_FIELDS);
			return new Training(t.text("course"), t.date("completedOn"), t.date("refresherDue"));
		}
		catch (com.fasterxml.jackson.core.JacksonException e) {
			throw new StrictJson.Invalid("training", "peer.api.wrongType");
		}
	}

	private static UUID uuid(String field, String value) {
		try {
			return UUID.fromString(value);
		}
		catch (IllegalArgumentException e) {
			throw new StrictJson.Invalid(field, "peer.api.wrongType");
		}
	}

	@ExceptionHandler(PeerSupportRefused.class)
	ProblemDetail refused(PeerSupportRefused e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.reason().status()),
				messages.getMessage(e.reason().messageKey(), null, e.reason().messageKey(), locale));
		problem.setProperty("reason", e.reason().name());
		if (e.reason().field() != null) {
			problem.setProperty("field", e.reason().field());
		}
		return problem;
	}

	@ExceptionHandler(StrictJson.Invalid.class)
	ProblemDetail invalid(StrictJson.Invalid e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				messages.getMessage(e.messageKey, new Object[] { e.field }, e.messageKey, locale));
		problem.setProperty("reason", "INVALID_BODY");
		problem.setProperty("field", e.field);
		return problem;
	}

}
