package org.cpr.courses;

import java.time.LocalDate;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.cpr.curriculum.TopicLibrary;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.OrgUnitKind;
import org.cpr.identity.TraineeType;
import org.cpr.shared.OrgUnitId;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Coordinators (facilitators and administrators) plan offerings: create with sessions,
 * add or cancel sessions, register a cohort, see the roster (names only where the
 * offering's visibility allows).
 */
@Controller
@RequestMapping("/courses/manage")
@PreAuthorize("hasAnyRole('FACILITATOR','ADMINISTRATOR')")
class OfferingAdminController {

	static final String LIST_VIEW = "courses/manage-list";
	static final String FORM_VIEW = "courses/offering-form";
	static final String MANAGE_VIEW = "courses/manage";
	static final String DEFAULT_ZONE = "America/Denver";

	private final CourseCatalogue catalogue;

	private final Registrations registrations;

	private final Attendance attendance;

	private final TopicLibrary topics;

	private final IdentityManagement identity;

	OfferingAdminController(CourseCatalogue catalogue, Registrations registrations, Attendance attendance,
			TopicLibrary topics, IdentityManagement identity) {
		this.catalogue = catalogue;
		this.registrations = registrations;
		this.attendance = attendance;
		this.topics = topics;
		this.identity = identity;
	}

	@GetMapping
	String list(Model model) {
		model.addAttribute("offerings", catalogue.search(CatalogueQuery.upcoming()));
		return LIST_VIEW;
	}

	/**
	 * A new offering; from a curriculum plan item, prefilled with its topic and the
	 * cohort (program, trainee type).
	 */
	@GetMapping("/new")
	String newOffering(@RequestParam(required = false) String topic, @RequestParam(required = false) String program,
			@RequestParam(required = false) String type, Model model) {
		OfferingForm form = OfferingForm.empty(DEFAULT_ZONE);
		var planned = parseUuid(topic).flatMap(t -> topics.find(new org.cpr.curriculum.TopicId(t)));
		if (planned.isPresent()) {
			TraineeType cohort = CatalogueController.parse(TraineeType.class, type);
			form = form.forPlanItem(planned.get().title(), planned.get().summary(), planned.get().id().value(),
					parseUuid(program).filter(p -> identity.orgUnits().stream().anyMatch(u -> u.id().value().equals(p)))
						.orElse(null),
					cohort);
		}
		model.addAttribute("form", form);
		model.addAttribute("fieldErrors", Map.of());
		return FORM_VIEW;
	}

	@PostMapping
	String create(@ModelAttribute("form") OfferingForm form, BindingResult binding,
			@RequestParam(required = false) String addRow, @AuthenticationPrincipal CprUser me, Model model) {
		Map<String, String> errors = new LinkedHashMap<>();
		binding.getFieldErrors().forEach(e -> errors.putIfAbsent(e.getField(), "courses.plan.format"));
		OfferingForm current = form == null ? OfferingForm.empty(DEFAULT_ZONE) : form;
		if (addRow != null) {
			model.addAttribute("form", current.withExtraRow());
			model.addAttribute("fieldErrors", errors);
			return FORM_VIEW;
		}
		Set<PersonId> facilitators = facilitators(current.facilitators(), errors);
		if (facilitators.isEmpty()) {
			facilitators.add(me.personId());
		}
		for (int i = 0; i < current.rows().size(); i++) {
			if (current.rows().get(i).date() == null) {
				errors.putIfAbsent("sessions[" + i + "].date", "courses.plan.required");
			}
		}
		List<Integer> rowOf = new ArrayList<>();
		OfferingPlan plan = current.plan(facilitators, rowOf);
		if (errors.isEmpty()) {
			try {
				OfferingId id = catalogue.create(plan, me.personId());
				return "redirect:/courses/manage/" + id + "?created";
			}
			catch (InvalidPlan invalid) {
				invalid.errors().forEach(e -> errors.putIfAbsent(formField(e.field(), rowOf), e.messageKey()));
			}
		}
		model.addAttribute("form", current);
		model.addAttribute("fieldErrors", errors);
		return FORM_VIEW;
	}

	@GetMapping("/{id}")
	String manage(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		Offering offering = load(id);
		boolean names = CourseViews.seesNames(offering, me);
		model.addAttribute("offering", offering);
		model.addAttribute("seesNames", names);
		if (names) {
			List<Registration> roster = registrations.roster(offering.id());
			model.addAttribute("roster", roster);
			model.addAttribute("names", identity.displayNames(roster.stream().map(Registration::person).toList()));
		}
		model.addAttribute("counts", attendance.counts(offering, me.personId(),
				me.hasRole(Role.ADMINISTRATOR) ? Role.ADMINISTRATOR : Role.FACILITATOR));
		model.addAttribute("programs", identity.orgUnitsOfKind(OrgUnitKind.PROGRAM));
		return MANAGE_VIEW;
	}

	@PostMapping("/{id}/sessions")
	String addSession(@PathVariable String id, @RequestParam(required = false) String date,
			@RequestParam(required = false) String start, @RequestParam(required = false) String end,
			@RequestParam(required = false) String timeZone, @RequestParam(required = false) String place,
			@RequestParam(required = false) String onlineLink, @RequestParam(required = false) Integer capacity,
			RedirectAttributes flash) {
		Offering offering = load(id);
		try {
			LocalDate day = LocalDate.parse(date);
			catalogue.addSession(offering.id(), new SessionPlan(day.atTime(LocalTime.parse(start)),
					day.atTime(LocalTime.parse(end)), timeZone, place, onlineLink, capacity));
			flash.addFlashAttribute("notice", "courses.manage.sessionAdded");
		}
		catch (InvalidPlan invalid) {
			flash.addFlashAttribute("problems",
					invalid.errors().stream().map(PlanError::messageKey).distinct().toList());
		}
		catch (RuntimeException unreadable) {
			flash.addFlashAttribute("problems", List.of("courses.plan.format"));
		}
		return "redirect:/courses/manage/" + offering.id();
	}

	@PostMapping("/sessions/{sessionId}/cancel")
	String cancelSession(@PathVariable String sessionId, RedirectAttributes flash) {
		Session session = catalogue.findSession(CourseViews.sessionId(sessionId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		catalogue.cancelSession(session.id());
		flash.addFlashAttribute("notice", "courses.manage.sessionCancelled");
		return "redirect:/courses/manage/" + session.offering();
	}

	@PostMapping("/{id}/cohort")
	String cohort(@PathVariable String id, @RequestParam(required = false) String program,
			@RequestParam(required = false) String traineeType, @RequestParam(required = false) String level,
			@AuthenticationPrincipal CprUser me, RedirectAttributes flash) {
		Offering offering = load(id);
		try {
			List<PersonId> people = registrations.cohort(OrgUnitId.of(program),
					CatalogueController.parse(TraineeType.class, traineeType), level);
			if (people.isEmpty()) {
				flash.addFlashAttribute("problems", List.of("courses.cohort.empty"));
			}
			else {
				CohortOutcome outcome = registrations.registerCohort(offering.id(), people, me.personId());
				flash.addFlashAttribute("cohort", outcome);
			}
		}
		catch (RegistrationRefused refused) {
			flash.addFlashAttribute("problems", List.of(refused.reason().messageKey()));
		}
		catch (IllegalArgumentException | NullPointerException noProgram) {
			flash.addFlashAttribute("problems", List.of("courses.cohort.noProgram"));
		}
		return "redirect:/courses/manage/" + offering.id();
	}

	@PostMapping("/{id}/cancel")
	String cancelOffering(@PathVariable String id) {
		catalogue.cancelOffering(load(id).id());
		return "redirect:/courses/manage/" + id;
	}

	@ModelAttribute("choices")
	Map<String, Object> choices() {
		return Map.of("kinds", OfferingKind.values(), "visibilities", AttendanceVisibility.values(), "types",
				TraineeType.values(), "roles", Role.values(), "topics", topics.search(null, null, null, false),
				"programs", identity.orgUnitsOfKind(OrgUnitKind.PROGRAM));
	}

	/** Maps "sessions[3].end" of the expanded plan back to the form row it came from. */
	static String formField(String field, List<Integer> rowOf) {
		if (!field.startsWith("sessions[")) {
			return field;
		}
		int close = field.indexOf(']');
		int index = Integer.parseInt(field.substring("sessions[".length(), close));
		String rest = field.substring(close + 1);
		if (rest.equals(".timeZone")) {
			return "timeZone";
		}
		return "sessions[" + (index < rowOf.size() ? rowOf.get(index) : index) + "]" + rest;
	}

	private Set<PersonId> facilitators(String usernames, Map<String, String> errors) {
		Set<PersonId> found = new LinkedHashSet<>();
		if (usernames == null || usernames.isBlank()) {
			return found;
		}
		for (String name : usernames.split("[,\\s]+")) {
			if (!name.isBlank()) {
				identity.byUsername(name)
					.ifPresentOrElse(p -> found.add(p.id()),
							() -> errors.putIfAbsent("facilitators", "courses.plan.facilitator"));
			}
		}
		return found;
	}

	private static java.util.Optional<java.util.UUID> parseUuid(String value) {
		try {
			return value == null ? java.util.Optional.empty() : java.util.Optional.of(java.util.UUID.fromString(value));
		}
		catch (IllegalArgumentException notAnId) {
			return java.util.Optional.empty();
		}
	}

	private Offering load(String id) {
		return catalogue.find(CourseViews.offeringId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

}
