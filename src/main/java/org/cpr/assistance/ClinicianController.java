package org.cpr.assistance;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.PersonSummary;
import org.cpr.shared.PersonId;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The resilience clinician's desk: caseload, schedule, waiting list, safety alerts to
 * follow up, publishing availability, and booking on someone's behalf.
 */
@Controller
@RequestMapping("/assistance/clinician")
@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
class ClinicianController {

	static final String DESK_VIEW = "assistance/clinician";
	static final String AVAILABILITY_VIEW = "assistance/availability";
	static final String BOOK_FOR_VIEW = "assistance/book-for";

	/**
	 * The availability form as entered (strings, so a bad value is shown back as typed).
	 */
	record PlanForm(String date, String until, List<String> days, String start, String minutes, String slotsPerDay,
			String zone, String modality) {
		static PlanForm empty() {
			return new PlanForm("", "", List.of(), "09:00", "50", "1", "America/Denver", "VIDEO");
		}
	}

	private final CareRecords records;

	private final Bookings bookings;

	private final Availability availability;

	private final AlertFollowUps alerts;

	private final IdentityManagement identity;

	ClinicianController(CareRecords records, Bookings bookings, Availability availability, AlertFollowUps alerts,
			IdentityManagement identity) {
		this.records = records;
		this.bookings = bookings;
		this.availability = availability;
		this.alerts = alerts;
		this.identity = identity;
	}

	@GetMapping
	String desk(@AuthenticationPrincipal CprUser me, @RequestParam(required = false) String username, Model model) {
		List<Episode> caseload = records.caseload(me.personId());
		List<Appointment> schedule = bookings.schedule(me.personId(), 14);
		List<WaitingPerson> waiting = bookings.waitlist();
		Set<PersonId> people = new HashSet<>();
		caseload.forEach(e -> people.add(e.person()));
		schedule.forEach(a -> people.add(a.person()));
		waiting.forEach(w -> people.add(w.person()));
		List<Episode> found = List.of();
		if (username != null && !username.isBlank()) {
			found = identity.byUsername(username).map(p -> records.episodesOf(p.id())).orElse(List.of());
			found.forEach(e -> people.add(e.person()));
			model.addAttribute("searched", true);
		}
		model.addAttribute("caseload", caseload);
		model.addAttribute("schedule", schedule);
		model.addAttribute("waiting", waiting);
		model.addAttribute("alerts", alerts.pending());
		model.addAttribute("found", found);
		model.addAttribute("names", identity.displayNames(people));
		model.addAttribute("username", username == null ? "" : username);
		return DESK_VIEW;
	}

	@GetMapping("/availability")
	String availability(@AuthenticationPrincipal CprUser me, Model model) {
		return availabilityPage(me, PlanForm.empty(), null, model);
	}

	@PostMapping("/availability")
	String publish(@AuthenticationPrincipal CprUser me, PlanForm form, Model model) {
		Availability.Plan plan;
		try {
			Set<DayOfWeek> days = EnumSet.noneOf(DayOfWeek.class);
			if (form.days() != null) {
				form.days().forEach(d -> days.add(DayOfWeek.valueOf(d)));
			}
			LocalDate until = form.until() == null || form.until().isBlank() ? null : LocalDate.parse(form.until());
			plan = new Availability.Plan(LocalDate.parse(form.date()), until, days, LocalTime.parse(form.start()),
					Integer.parseInt(form.minutes()), Integer.parseInt(form.slotsPerDay()), ZoneId.of(form.zone()),
					Modality.valueOf(form.modality()));
		}
		catch (RuntimeException unreadable) {
			return availabilityPage(me, form, "assistance.refused.INVALID_PLAN", model);
		}
		try {
			int n = availability.publish(me.personId(), plan).size();
			return "redirect:/assistance/clinician/availability?published=" + n;
		}
		catch (AssistanceRefused refused) {
			return availabilityPage(me, form, refused.messageKey(), model);
		}
	}

	@PostMapping("/slots/{id}/withdraw")
	String withdraw(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
		availability.withdraw(id, me.personId());
		return "redirect:/assistance/clinician/availability";
	}

	@GetMapping("/book")
	String bookFor(@RequestParam String username, @RequestParam(required = false) UUID alert, Model model) {
		PersonSummary person = identity.byUsername(username)
			.orElseThrow(() -> new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_PERSON));
		model.addAttribute("person", person);
		model.addAttribute("alert", alert);
		model.addAttribute("days",
				BookingController.byDay(availability.upcoming(BookingController.DAYS_AHEAD, null, 300)));
		return BOOK_FOR_VIEW;
	}

	@PostMapping("/book")
	String book(@RequestParam UUID person, @RequestParam UUID slot, @RequestParam(required = false) UUID alert,
			@AuthenticationPrincipal CprUser me) {
		PersonId who = new PersonId(person);
		if (identity.person(who).isEmpty()) {
			throw new AssistanceRefused(AssistanceRefused.Reason.UNKNOWN_PERSON);
		}
		Appointment a = bookings.book(slot, who, null, alert == null ? BookingSource.CLINICIAN : BookingSource.ALERT,
				me.personId());
		return "redirect:/assistance/episodes/" + a.episodeId() + "?booked";
	}

	@PostMapping("/alerts/{alert}/episode")
	String fromAlert(@PathVariable UUID alert, @AuthenticationPrincipal CprUser me) {
		return "redirect:/assistance/episodes/" + alerts.openEpisode(alert, me.personId()).id();
	}

	private String availabilityPage(CprUser me, PlanForm form, String problem, Model model) {
		model.addAttribute("form", form);
		model.addAttribute("problem", problem);
		model.addAttribute("slots", availability.ofClinician(me.personId(), 90));
		model.addAttribute("modalities", Modality.values());
		model.addAttribute("weekdays", DayOfWeek.values());
		return AVAILABILITY_VIEW;
	}

}
