package org.cpr.courses;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.calendar.Calendars;
import org.cpr.curriculum.Topic;
import org.cpr.curriculum.TopicId;
import org.cpr.curriculum.TopicLibrary;
import org.cpr.identity.CprUser;
import org.cpr.identity.TraineeType;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PublicPaths;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The catalogue on a phone: filter, open an offering, register or cancel, download its
 * .ics; public listing.
 */
@Controller
class CatalogueController {

	static final String CATALOGUE_VIEW = "courses/catalogue";
	static final String OFFERING_VIEW = "courses/offering";
	static final String PUBLIC_VIEW = "courses/public";
	static final int PAGE = 50;

	private final CourseCatalogue catalogue;

	private final Registrations registrations;

	private final TopicLibrary topics;

	private final Calendars calendars;

	private final String baseUrl;

	CatalogueController(CourseCatalogue catalogue, Registrations registrations, TopicLibrary topics,
			Calendars calendars, @Value("${cpr.base-url:http://localhost:8080}") String baseUrl) {
		this.catalogue = catalogue;
		this.registrations = registrations;
		this.topics = topics;
		this.calendars = calendars;
		this.baseUrl = baseUrl;
	}

	@Bean
	static NavigationItem catalogueLink() {
		return new NavigationItem(22, "/courses", "courses.nav", Set.of());
	}

	@Bean
	static PublicPaths publicCourses() {
		return PublicPaths.of("/courses/public", "/courses/public/**");
	}

	@GetMapping("/courses")
	String catalogue(@RequestParam(required = false) String kind, @RequestParam(required = false) String from,
			@RequestParam(required = false) String audience, @RequestParam(required = false) String topic,
			@RequestParam(defaultValue = "false") boolean fits, @RequestParam(defaultValue = "1") String page,
			@RequestHeader(name = "HX-Request", required = false) String htmx, @AuthenticationPrincipal CprUser me,
			Model model) {
		CatalogueQuery query = new CatalogueQuery(parse(OfferingKind.class, kind), date(from),
				parse(TraineeType.class, audience), topicId(topic), fits ? me.personId() : null, false);
		int pageNumber = pageNumber(page);
		CataloguePage found = catalogue.page(query, (pageNumber - 1) * PAGE, PAGE);
		model.addAttribute("query", query);
		model.addAttribute("fits", fits);
		model.addAttribute("total", found.total());
		model.addAttribute("offerings", found.offerings());
		model.addAttribute("page", pageNumber);
		model.addAttribute("pages", Math.max(1, (found.total() + PAGE - 1) / PAGE));
		model.addAttribute("mine",
				registrations.ofPerson(me.personId())
					.stream()
					.collect(Collectors.toMap(r -> r.offering(), r -> r.status())));
		model.addAttribute("topics", topics.search(null, null, null, false));
		return "true".equals(htmx) ? CATALOGUE_VIEW + " :: results" : CATALOGUE_VIEW;
	}

	@GetMapping("/courses/offerings/{id}")
	String offering(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		Offering offering = load(id);
		model.addAttribute("offering", offering);
		model.addAttribute("registration", registrations.find(offering.id(), me.personId()).orElse(null));
		model.addAttribute("topicList",
				topics.byIds(offering.topics()).values().stream().map(Topic::title).sorted().toList());
		model.addAttribute("canManage", CourseViews.seesNames(offering, me) || CourseViews.coordinator(me));
		return OFFERING_VIEW;
	}

	@PostMapping("/courses/offerings/{id}/register")
	String register(@PathVariable String id, @AuthenticationPrincipal CprUser me, RedirectAttributes flash) {
		Offering offering = load(id);
		try {
			Registration r = registrations.register(offering.id(), me.personId(), me.roles());
			flash.addFlashAttribute("notice", r.status() == RegistrationStatus.SEATED ? "courses.registered.seat"
					: "courses.registered.waitlist");
		}
		catch (RegistrationRefused refused) {
			flash.addFlashAttribute("problem", refused.reason().messageKey());
		}
		return "redirect:/courses/offerings/" + offering.id();
	}

	@PostMapping("/courses/offerings/{id}/cancel")
	String cancel(@PathVariable String id, @AuthenticationPrincipal CprUser me, RedirectAttributes flash) {
		Offering offering = load(id);
		try {
			registrations.cancel(offering.id(), me.personId(), false);
			flash.addFlashAttribute("notice", "courses.cancelled");
		}
		catch (RegistrationRefused refused) {
			flash.addFlashAttribute("problem", refused.reason().messageKey());
		}
		return "redirect:/courses/offerings/" + offering.id();
	}

	@GetMapping("/courses/offerings/{id}.ics")
	ResponseEntity<String> ics(@PathVariable String id) {
		return ics(load(id));
	}

	@GetMapping("/courses/public")
	String publicList(Model model) {
		model.addAttribute("offerings", catalogue.page(CatalogueQuery.publicUpcoming(), 0, PAGE).offerings());
		return PUBLIC_VIEW;
	}

	@GetMapping("/courses/public/{id}.ics")
	ResponseEntity<String> publicIcs(@PathVariable String id) {
		Offering offering = load(id);
		if (!offering.publicListing()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return ics(offering);
	}

	private ResponseEntity<String> ics(Offering offering) {
		String body = calendars.render(offering.title(),
				offering.sessions().stream().map(s -> SessionEvents.entry(offering, s, baseUrl)).toList());
		return ResponseEntity.ok()
			.contentType(new MediaType("text", "calendar", java.nio.charset.StandardCharsets.UTF_8))
			.header("Content-Disposition", "attachment; filename=\"offering-" + offering.id() + ".ics\"")
			.body(body);
	}

	private Offering load(String id) {
		return catalogue.find(CourseViews.offeringId(id))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static int pageNumber(String value) {
		try {
			return Math.min(Math.max(1, Integer.parseInt(value.strip())), 100_000);
		}
		catch (NumberFormatException notANumber) {
			return 1;
		}
	}

	private static LocalDate date(String value) {
		try {
			return value == null || value.isBlank() ? null : LocalDate.parse(value);
		}
		catch (DateTimeParseException notADate) {
			return null;
		}
	}

	private static TopicId topicId(String value) {
		try {
			return value == null || value.isBlank() ? null : new TopicId(UUID.fromString(value));
		}
		catch (IllegalArgumentException notAnId) {
			return null;
		}
	}

	static <E extends Enum<E>> E parse(Class<E> type, String value) {
		if (value == null || value.isBlank()) {
			return null;
		}
		try {
			return Enum.valueOf(type, value);
		}
		catch (IllegalArgumentException unknown) {
			return null;
		}
	}

}
