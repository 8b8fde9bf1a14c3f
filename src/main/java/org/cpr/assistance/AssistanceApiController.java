package org.cpr.assistance;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.DayOfWeek;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
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
 * Availability and booking for other systems (e.g. a campus scheduling system showing
 * open slots), plus the clinician's note and break-the-glass calls. Every refusal is an
 * RFC 9457 problem detail ({@code code} names the reason) and changes nothing: a slot in
 * the past (422), a slot already taken (409), a note on someone else's episode (403), a
 * break-the-glass without a reason (400).
 */
@RestController
@Tag(name = "Assistance", description = "Confidential consultations: availability and booking")
class AssistanceApiController {

	/**
	 * An open slot: time, modality and whether it is after hours or at the weekend; never
	 * the clinician's specialty.
	 */
	record SlotView(UUID id, UUID clinician, OffsetDateTime start, OffsetDateTime end, String timeZone,
			Modality modality, boolean afterHours, boolean weekend) {
		static SlotView of(Slot s) {
			return new SlotView(s.id(), s.clinician().value(), s.start().toOffsetDateTime(), s.end().toOffsetDateTime(),
					s.start().getZone().getId(), s.modality(), s.afterHours(), s.weekend());
		}
	}

	record BookingView(UUID id, UUID slot, OffsetDateTime start, OffsetDateTime end, String timeZone, Modality modality,
			boolean cancelled) {
		static BookingView of(Appointment a) {
			return new BookingView(a.id(), a.slotId(), a.start().toOffsetDateTime(), a.end().toOffsetDateTime(),
					a.start().getZone().getId(), a.modality(), a.cancelled());
		}
	}

	record PlanRequest(LocalDate date, LocalDate until, Set<DayOfWeek> days, LocalTime start, Integer minutes,
			Integer slotsPerDay, String timeZone, Modality modality) {
	}

	record BookingRequest(UUID slot, String reason) {
	}

	record MoveRequest(UUID slot) {
	}

	record NoteRequest(String body) {
	}

	record NoteView(UUID id, Instant writtenAt) {
	}

	record GlassRequest(String password, String code, String reason) {
	}

	record GlassView(UUID id, Instant expiresAt) {
	}

	private final Availability availability;

	private final Bookings bookings;

	private final CareRecords records;

	private final BreakTheGlass glass;

	private final MessageSource messages;

	AssistanceApiController(Availability availability, Bookings bookings, CareRecords records, BreakTheGlass glass,
			MessageSource messages) {
		this.availability = availability;
		this.bookings = bookings;
		this.records = records;
		this.glass = glass;
		this.messages = messages;
	}

	@GetMapping("/api/v1/assistance/slots")
	@Operation(
			summary = "Open slots, soonest first: from (default now) to (default 28 days on), optionally one modality or clinician")
	List<SlotView> slots(@RequestParam(required = false) Instant from, @RequestParam(required = false) Instant to,
			@RequestParam(required = false) Modality modality, @RequestParam(required = false) UUID clinician,
			@RequestParam(defaultValue = "200") int limit) {
		if (to != null && from != null && !to.isAfter(from)) {
			throw new IllegalArgumentException("to must be after from");
		}
		return availability.search(from, to, modality, clinician == null ? null : new PersonId(clinician), limit)
			.stream()
			.map(SlotView::of)
			.toList();
	}

	@PostMapping("/api/v1/assistance/slots")
	@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
	@Operation(
			summary = "Publish the token holder's availability: one day, or weekly on 'days' until 'until' (resilience clinicians)")
	ResponseEntity<List<SlotView>> publish(@RequestBody PlanRequest plan, @AuthenticationPrincipal CprUser me) {
		ZoneId zone;
		try {
			if (plan.minutes() == null || plan.slotsPerDay() == null) {
				throw new IllegalArgumentException("minutes and slotsPerDay are required");
			}
			zone = ZoneId.of(plan.timeZone());
		}
		catch (RuntimeException e) {
			throw new AssistanceRefused(AssistanceRefused.Reason.INVALID_PLAN);
		}
		List<Slot> published = availability.publish(me.personId(),
				new Availability.Plan(plan.date(), plan.until(), plan.days() == null ? Set.of() : plan.days(),
						plan.start(), plan.minutes(), plan.slotsPerDay(), zone, plan.modality()));
		return ResponseEntity.status(HttpStatus.CREATED).body(published.stream().map(SlotView::of).toList());
	}

	@GetMapping("/api/v1/assistance/bookings")
	@Operation(summary = "The token holder's appointments, newest first")
	List<BookingView> mine(@AuthenticationPrincipal CprUser me) {
		return bookings.ofPerson(me.personId()).stream().map(BookingView::of).toList();
	}

	@PostMapping("/api/v1/assistance/bookings")
	@Operation(
			summary = "Book a slot for the token holder (422 slot in the past, 409 already booked); the reason is optional")
	ResponseEntity<BookingView> book(@RequestBody BookingRequest request, @AuthenticationPrincipal CprUser me) {
		if (request == null || request.slot() == null) {
			throw new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_SLOT);
		}
		Appointment a = bookings.book(request.slot(), me.personId(), request.reason(), BookingSource.SELF,
				me.personId());
		return ResponseEntity.created(URI.create("/api/v1/assistance/bookings/" + a.id())).body(BookingView.of(a));
	}

	@PostMapping("/api/v1/assistance/bookings/{id}/move")
	@Operation(summary = "Move the appointment to another open slot")
	BookingView move(@PathVariable UUID id, @RequestBody MoveRequest request, @AuthenticationPrincipal CprUser me) {
		return BookingView.of(bookings.reschedule(id, request.slot(), me.personId()));
	}

	@DeleteMapping("/api/v1/assistance/bookings/{id}")
	@Operation(summary = "Cancel the appointment (the person, their clinician or the care team); the slot opens again")
	ResponseEntity<Void> cancel(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		bookings.cancel(id, me.personId());
		return ResponseEntity.noContent().build();
	}

	@PostMapping("/api/v1/assistance/episodes/{id}/notes")
	@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
	@Operation(summary = "Add a note to an episode the token holder treats (403 for someone else's episode)")
	ResponseEntity<NoteView> note(@PathVariable UUID id, @RequestBody NoteRequest request,
			@AuthenticationPrincipal CprUser me) {
		Note note = records.addNote(id, me.personId(), request == null ? null : request.body());
		return ResponseEntity.status(HttpStatus.CREATED).body(new NoteView(note.id(), note.writtenAt()));
	}

	@PostMapping("/api/v1/assistance/episodes/{id}/break-glass")
	@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
	@Operation(
			summary = "Break the glass: password (and TOTP code when enrolled) and a reason; access for a limited time, audited")
	ResponseEntity<GlassView> breakGlass(@PathVariable UUID id, @RequestBody GlassRequest request,
			@AuthenticationPrincipal CprUser me) {
		GlassRequest r = request == null ? new GlassRequest(null, null, null) : request;
		GlassBreak grant = glass.breakGlass(id, me.personId(), me.getUsername(), me.roles(), r.password(), r.code(),
				r.reason());
		return ResponseEntity.status(HttpStatus.CREATED).body(new GlassView(grant.id(), grant.expiresAt()));
	}

	@ExceptionHandler(AssistanceRefused.class)
	ProblemDetail refused(AssistanceRefused e, Locale locale) {
		ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.reason().status()),
				messages.getMessage(e.messageKey(), null, e.reason().name(), locale));
		problem.setProperty("code", e.reason().name());
		return problem;
	}

}
