package org.cpr.courses;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import org.cpr.identity.CprUser;
import org.cpr.shared.PersonId;
import org.springframework.http.HttpStatus;
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
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * Attendance on a phone: the facilitator's screen with the QR code that changes every 30
 * seconds (htmx refreshes it), the check-in page the code opens, and the roll call with
 * walk-ins.
 */
@Controller
class AttendanceController {

	static final String QR_VIEW = "courses/qr";
	static final String CHECKIN_VIEW = "courses/check-in";
	static final String ROLL_VIEW = "courses/roll";

	private final Attendance attendance;

	private final CourseCatalogue catalogue;

	AttendanceController(Attendance attendance, CourseCatalogue catalogue) {
		this.attendance = attendance;
		this.catalogue = catalogue;
	}

	@GetMapping("/courses/sessions/{id}/qr")
	String qr(@PathVariable String id, @RequestHeader(name = "HX-Request", required = false) String htmx,
			@AuthenticationPrincipal CprUser me, Model model, HttpServletResponse response) {
		Offering offering = runnableBy(id, me, false);
		model.addAttribute("offering", offering);
		model.addAttribute("sessionId", id);
		try {
			CheckInCode code = attendance.currentCode(CourseViews.sessionId(id));
			String url = ServletUriComponentsBuilder.fromCurrentContextPath().path(code.path()).toUriString();
			model.addAttribute("code", code);
			model.addAttribute("qr", QrImages.pngDataUri(url, 360));
			model.addAttribute("url", url);
		}
		catch (AttendanceRefused refused) {
			model.addAttribute("problem", refused.reason().messageKey());
		}
		response.setHeader("Cache-Control", "no-store");
		return "true".equals(htmx) ? QR_VIEW + " :: code" : QR_VIEW;
	}

	@GetMapping("/courses/check-in/{id}/{window}/{code}")
	String scanned(@PathVariable String id, @PathVariable long window, @PathVariable String code, Model model,
			HttpServletResponse response) {
		try {
			Session session = attendance.verify(CourseViews.sessionId(id), window, code, 0);
			model.addAttribute("offering", catalogue.find(session.offering()).orElseThrow());
			model.addAttribute("sessionId", id);
			model.addAttribute("window", window);
			model.addAttribute("code", code);
		}
		catch (AttendanceRefused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", refused.reason().messageKey());
		}
		return CHECKIN_VIEW;
	}

	@PostMapping("/courses/check-in")
	String checkIn(@RequestParam String session, @RequestParam long window, @RequestParam String code,
			@AuthenticationPrincipal CprUser me, Model model, HttpServletResponse response) {
		try {
			attendance.checkIn(CourseViews.sessionId(session), window, code, 1, me.personId());
			model.addAttribute("done", true);
		}
		catch (AttendanceRefused refused) {
			response.setStatus(HttpStatus.BAD_REQUEST.value());
			model.addAttribute("problem", refused.reason().messageKey());
		}
		return CHECKIN_VIEW;
	}

	@GetMapping("/courses/sessions/{id}/roll")
	String roll(@PathVariable String id, @AuthenticationPrincipal CprUser me, Model model) {
		Offering offering = runnableBy(id, me, true);
		model.addAttribute("offering", offering);
		model.addAttribute("sessionId", id);
		model.addAttribute("roll", attendance.roll(CourseViews.sessionId(id), me.personId()));
		return ROLL_VIEW;
	}

	@PostMapping("/courses/sessions/{id}/roll")
	String rollCall(@PathVariable String id, @RequestParam(name = "present", required = false) List<String> present,
			@AuthenticationPrincipal CprUser me, RedirectAttributes flash) {
		runnableBy(id, me, true);
		Set<PersonId> ids = new HashSet<>();
		if (present != null) {
			try {
				present.forEach(p -> ids.add(new PersonId(UUID.fromString(p))));
			}
			catch (IllegalArgumentException notAnId) {
				throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
			}
		}
		attendance.rollCall(CourseViews.sessionId(id), ids);
		flash.addFlashAttribute("notice", "courses.attendance.saved");
		return "redirect:/courses/sessions/" + id + "/roll";
	}

	@PostMapping("/courses/sessions/{id}/walk-in")
	String walkIn(@PathVariable String id, @RequestParam(required = false) String username,
			@AuthenticationPrincipal CprUser me, RedirectAttributes flash) {
		runnableBy(id, me, true);
		try {
			attendance.walkIn(CourseViews.sessionId(id), username == null ? "" : username.strip());
			flash.addFlashAttribute("notice", "courses.attendance.walkInAdded");
		}
		catch (AttendanceRefused refused) {
			flash.addFlashAttribute("problem", refused.reason().messageKey());
		}
		return "redirect:/courses/sessions/" + id + "/roll";
	}

	/**
	 * The offering of a session, if this person may run its attendance (names: only where
	 * visibility allows).
	 */
	private Offering runnableBy(String sessionId, CprUser me, boolean names) {
		Session session = catalogue.findSession(CourseViews.sessionId(sessionId))
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		Offering offering = catalogue.find(session.offering()).orElseThrow();
		boolean allowed = names ? CourseViews.seesNames(offering, me)
				: offering.facilitators().contains(me.personId()) || CourseViews.coordinator(me);
		if (!allowed) {
			throw new ResponseStatusException(HttpStatus.FORBIDDEN);
		}
		return offering;
	}

}
