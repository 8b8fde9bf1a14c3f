package org.cpr.courses;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.calendar.Calendars;
import org.cpr.curriculum.TopicId;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The schedule for other systems (e.g. a residency-management system): offerings with
 * their sessions, the token holder's registrations, and an offering's iCalendar. Errors
 * are RFC 9457 problem details; an invalid plan lists every field with its message.
 */
@RestController
@Tag(name = "Courses", description = "Offerings, sessions and registrations")
class CoursesApiController {

	record SessionView(UUID id, OffsetDateTime start, OffsetDateTime end, String timeZone, String place,
			String onlineLink, int capacity, boolean cancelled) {
		static SessionView of(Session s) {
			return new SessionView(s.id().value(), s.start().toOffsetDateTime(), s.end().toOffsetDateTime(),
					s.start().getZone().getId(), s.place(), s.onlineLink(), s.capacity(), s.cancelled());
		}
	}

	record OfferingView(UUID id, String title, OfferingKind kind, String description, List<UUID> topics,
			Set<TraineeType> audienceTypes, Set<UUID> audiencePrograms, Set<Role> audienceRoles, String prerequisites,
			String protectedTimeNote, AttendanceVisibility attendanceVisibility, boolean publicListing,
			int cancellationCutoffHours, boolean cancelled, int capacity, int seatsTaken, int waitlisted,
			List<SessionView> sessions) {
		static OfferingView of(Offering o) {
			return new OfferingView(o.id().value(), o.title(), o.kind(), o.description(),
					o.topics().stream().map(TopicId::value).toList(), o.audience().traineeTypes(),
					new LinkedHashSet<>(o.audience().programs().stream().map(OrgUnitId::value).toList()),
					o.audience().roles(), o.prerequisites(), o.protectedTimeNote(), o.visibility(), o.publicListing(),
					o.cancellationCutoffHours(), o.cancelled(), o.capacity(), o.seatsTaken(), o.waitlisted(),
					o.sessions().stream().map(SessionView::of).toList());
		}
	}

	record SessionRequest(LocalDateTime start, LocalDateTime end, String timeZone, String place, String onlineLink,
			Integer capacity) {
	}

	record OfferingRequest(String title, OfferingKind kind, String description, List<UUID> topics,
			Set<TraineeType> audienceTypes, Set<UUID> audiencePrograms, Set<Role> audienceRoles, String prerequisites,
			String protectedTimeNote, AttendanceVisibility attendanceVisibility, Boolean publicListing,
			Integer cancellationCutoffHours, List<String> facilitators, List<SessionRequest> sessions) {
	}

	record RegistrationRequest(UUID offeringId) {
	}

	record RegistrationView(UUID id, UUID offeringId, RegistrationStatus status, int waitlistPosition,
			OffsetDateTime requestedAt) {
		static RegistrationView of(Registration r) {
			return new RegistrationView(r.id().value(), r.offering().value(), r.status(), r.waitlistPosition(),
					r.requestedAt().atOffset(java.time.ZoneOffset.UTC));
		}
	}

	private final CourseCatalogue catalogue;

	private final Registrations registrations;

	private final Calendars calendars;

	private final IdentityManagement identity;

	private final MessageSource messages;

	private final String baseUrl;

	CoursesApiController(CourseCatalogue catalogue, Registrations registrations, Calendars calendars,
			IdentityManagement identity, MessageSource messages,
			@Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.catalogue = catalogue;
		this.registrations = registrations;
		this.calendars = calendars;
		this.identity = identity;
		this.messages = messages;
		this.baseUrl = baseUrl;
	}

	@GetMapping("/api/v1/offerings")
	@Operation(summary = "Upcoming offerings with their sessions, soonest first; filters optional")
	List<OfferingView> offerings(@RequestParam(required = false) OfferingKind kind,
			@RequestParam(required = false) LocalDate from, @RequestParam(required = false) TraineeType audience,
			@RequestParam(required = false) UUID topic) {
		return catalogue
			.search(new CatalogueQuery(kind, from, audience, topic == null ? null : new TopicId(topic), null, false))
			.stream()
			.map(OfferingView::of)
			.toList();
	}

	@GetMapping("/api/v1/offerings/{id}")
	@Operation(summary = "One offering with its sessions (cancelled ones included)")
	OfferingView offering(@PathVariable UUID id) {
		return OfferingView.of(load(id));
	}

	@PostMapping("/api/v1/offerings")
	@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR')")
	@Operation(summary = "Create an offering with its sessions (facilitators and administrators)")
	ResponseEntity<OfferingView> create(@RequestBody(required = false) OfferingRequest body,
			@AuthenticationPrincipal CprUser me) {
		if (body == null) {
			throw new InvalidPlan(List.of(new PlanError("title", "courses.plan.required")));
		}
		Set<PersonId> facilitators = new LinkedHashSet<>();
		if (body.facilitators() != null) {
			for (String username : body.facilitators()) {
				facilitators.add(identity.byUsername(username)
					.map(p -> p.id())
					.orElseThrow(
							() -> new InvalidPlan(List.of(new PlanError("facilitators", "courses.plan.facilitator")))));
			}
		}
		if (facilitators.isEmpty()) {
			facilitators.add(me.personId());
		}
		OfferingPlan plan = new OfferingPlan(body.title(), body.kind(), body.description(),
				body.topics() == null ? List.of() : body.topics().stream().map(TopicId::new).toList(),
				new Audience(body.audienceTypes() == null ? Set.of() : body.audienceTypes(),
						body.audiencePrograms() == null ? Set.of()
								: new LinkedHashSet<>(body.audiencePrograms().stream().map(OrgUnitId::new).toList()),
						body.audienceRoles() == null ? Set.of() : body.audienceRoles()),
				body.prerequisites(), body.protectedTimeNote(), body.attendanceVisibility(),
				Boolean.TRUE.equals(body.publicListing()),
				body.cancellationCutoffHours() == null ? 24 : body.cancellationCutoffHours(), facilitators,
				body.sessions() == null ? List.of()
						: body.sessions()
							.stream()
							.map(s -> new SessionPlan(s.start(), s.end(), s.timeZone(), s.place(), s.onlineLink(),
									s.capacity()))
							.toList());
		OfferingId id = catalogue.create(plan, me.personId());
		return ResponseEntity.created(URI.create("/api/v1/offerings/" + id)).body(OfferingView.of(load(id.value())));
	}

	@GetMapping("/api/v1/registrations")
	@Operation(summary = "The token holder's active registrations")
	List<RegistrationView> mine(@AuthenticationPrincipal CprUser me) {
		return registrations.ofPerson(me.personId()).stream().map(RegistrationView::of).toList();
	}

	@PostMapping("/api/v1/registrations")
	@Operation(
			summary = "Register the token holder: a seat while any is free, else a waitlist place (409 when already registered)")
	ResponseEntity<RegistrationView> register(@RequestBody(required = false) RegistrationRequest body,
			@AuthenticationPrincipal CprUser me) {
		if (body == null || body.offeringId() == null) {
			throw new InvalidPlan(List.of(new PlanError("offeringId", "courses.plan.required")));
		}
		Registration r = registrations.register(new OfferingId(body.offeringId()), me.personId(), me.roles());
		return ResponseEntity.status(HttpStatus.CREATED).body(RegistrationView.of(r));
	}

	@DeleteMapping("/api/v1/registrations/{offeringId}")
	@Operation(summary = "Cancel the token holder's registration for an offering (before the cut-off)")
	ResponseEntity<Void> cancel(@PathVariable UUID offeringId, @AuthenticationPrincipal CprUser me) {
		registrations.cancel(new OfferingId(offeringId), me.personId(), false);
		return ResponseEntity.noContent().build();
	}

	@GetMapping(value = "/api/v1/calendar/offerings/{id}.ics", produces = "text/calendar")
	@Operation(
			summary = "An offering's sessions as iCalendar (RFC 5545, VTIMEZONE; cancelled sessions as STATUS:CANCELLED)")
	ResponseEntity<String> ics(@PathVariable UUID id) {
		Offering o = load(id);
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", StandardCharsets.UTF_8))
			.body(calendars.render(o.title(),
					o.sessions().stream().map(s -> SessionEvents.entry(o, s, baseUrl)).toList()));
	}

	@ExceptionHandler(InvalidPlan.class)
	ProblemDetail invalid(InvalidPlan e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
				"The offering has errors; nothing was saved.");
		problem.setProperty("errors",
				e.errors()
					.stream()
					.map(err -> java.util.Map.of("field", err.field(), "message",
							messages.getMessage(err.messageKey(), null, err.messageKey(), locale)))
					.toList());
		return problem;
	}

	@ExceptionHandler(RegistrationRefused.class)
	ProblemDetail refused(RegistrationRefused e, Locale locale) {
		HttpStatus status = switch (e.reason()) {
			case UNKNOWN_OFFERING, NOT_REGISTERED -> HttpStatus.NOT_FOUND;
			case NOT_IN_AUDIENCE -> HttpStatus.FORBIDDEN;
			default -> HttpStatus.CONFLICT;
		};
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(status,
				messages.getMessage(e.reason().messageKey(), null, locale));
		problem.setProperty("reason", e.reason().name());
		return problem;
	}

	private Offering load(UUID id) {
		return catalogue.find(new OfferingId(id))
			.orElseThrow(() -> new RegistrationRefused(RegistrationRefused.Reason.UNKNOWN_OFFERING));
	}

}
