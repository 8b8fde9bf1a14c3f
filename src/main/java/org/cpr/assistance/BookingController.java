package org.cpr.assistance;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A person books a confidential appointment in three taps: "talk to someone" (from the
 * snapshot's next steps, the menu or an alert reply) lists open slots by day; a tap on a
 * slot shows it with an optional reason; "Book" books it. Also cancel, move, and the
 * waiting list when nothing fits.
 */
@Controller
class BookingController {

	static final String BOOK_VIEW = "assistance/book";
	static final String CONFIRM_VIEW = "assistance/confirm";
	static final int DAYS_AHEAD = 28;

	private final Availability availability;

	private final Bookings bookings;

	BookingController(Availability availability, Bookings bookings) {
		this.availability = availability;
		this.bookings = bookings;
	}

	@GetMapping("/assistance/book")
	String slots(@RequestParam(required = false) String from, @RequestParam(required = false) Modality modality,
			@AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("days", byDay(availability.upcoming(DAYS_AHEAD, modality, 300)));
		model.addAttribute("from", source(from).name());
		model.addAttribute("modality", modality);
		model.addAttribute("modalities", Modality.values());
		model.addAttribute("waiting", bookings.waiting(me.personId()));
		model.addAttribute("moving", null);
		return BOOK_VIEW;
	}

	@GetMapping("/assistance/book/{slot}")
	String confirm(@PathVariable UUID slot, @RequestParam(required = false) String from, Model model) {
		model.addAttribute("slot",
				availability.find(slot)
					.filter(Slot::open)
					.orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.SLOT_TAKEN)));
		model.addAttribute("from", source(from).name());
		model.addAttribute("reason", "");
		return CONFIRM_VIEW;
	}

	@PostMapping("/assistance/book/{slot}")
	String book(@PathVariable UUID slot, @RequestParam(required = false) String from,
			@RequestParam(defaultValue = "") String reason, @AuthenticationPrincipal CprUser me, Model model) {
		if (reason.length() > Bookings.MAX_REASON) {
			model.addAttribute("reasonError", "assistance.reason.tooLong");
			return again(slot, from, reason, model);
		}
		try {
			bookings.book(slot, me.personId(), reason, source(from), me.personId());
			return "redirect:/assistance/mine?booked";
		}
		catch (AssistanceRefused refused) {
			model.addAttribute("problem", refused.messageKey());
			return again(slot, from, reason, model);
		}
	}

	@PostMapping("/assistance/waitlist")
	String waitlist(@RequestParam(required = false) Modality modality, @AuthenticationPrincipal CprUser me) {
		try {
			bookings.joinWaitlist(me.personId(), modality);
		}
		catch (AssistanceRefused alreadyWaiting) {
			return "redirect:/assistance/mine?waiting";
		}
		return "redirect:/assistance/mine?waiting";
	}

	@PostMapping("/assistance/waitlist/leave")
	String leave(@AuthenticationPrincipal CprUser me) {
		bookings.leaveWaitlist(me.personId());
		return "redirect:/assistance/mine";
	}

	@PostMapping("/assistance/appointments/{id}/cancel")
	String cancel(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		bookings.cancel(id, me.personId());
		return me.hasRole(org.cpr.shared.Role.RESILIENCE_CLINICIAN)
				&& bookings.find(id).map(a -> !a.person().equals(me.personId())).orElse(false)
						? "redirect:/assistance/clinician?cancelled" : "redirect:/assistance/mine?cancelled";
	}

	@GetMapping("/assistance/appointments/{id}/move")
	String moveChoices(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, Model model) {
		Appointment a = bookings.find(id)
			.filter(x -> x.person().equals(me.personId()) || x.clinician().equals(me.personId()))
			.orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_APPOINTMENT));
		model.addAttribute("days", byDay(availability.upcoming(DAYS_AHEAD, null, 300)));
		model.addAttribute("from", BookingSource.SELF.name());
		model.addAttribute("modality", null);
		model.addAttribute("modalities", Modality.values());
		model.addAttribute("waiting", true);
		model.addAttribute("moving", a);
		return BOOK_VIEW;
	}

	@PostMapping("/assistance/appointments/{id}/move")
	String move(@PathVariable UUID id, @RequestParam UUID slot, @AuthenticationPrincipal CprUser me) {
		bookings.reschedule(id, slot, me.personId());
		return "redirect:/assistance/mine?moved";
	}

	private String again(UUID slot, String from, String reason, Model model) {
		model.addAttribute("slot", availability.find(slot)
			.orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_SLOT)));
		model.addAttribute("from", source(from).name());
		model.addAttribute("reason", reason);
		return CONFIRM_VIEW;
	}

	static Map<LocalDate, List<Slot>> byDay(List<Slot> slots) {
		Map<LocalDate, List<Slot>> days = new TreeMap<>();
		slots.forEach(s -> days.computeIfAbsent(s.start().toLocalDate(), d -> new java.util.ArrayList<>()).add(s));
		return days;
	}

	static BookingSource source(String from) {
		if (from == null) {
			return BookingSource.SELF;
		}
		return switch (from.toUpperCase(java.util.Locale.ROOT)) {
			case "SNAPSHOT" -> BookingSource.SNAPSHOT;
			case "ALERT" -> BookingSource.ALERT;
			default -> BookingSource.SELF;
		};
	}

}
