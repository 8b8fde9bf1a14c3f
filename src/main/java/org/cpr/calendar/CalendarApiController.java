package org.cpr.calendar;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.cpr.identity.CprUser;
import org.springframework.http.CacheControl;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * The signed-in person's calendar over the API: the whole calendar, and the secret feed
 * link.
 */
@RestController
@RequestMapping("/api/v1/calendar")
@Tag(name = "Calendar", description = "A person's program calendar (RFC 5545) and secret feed link")
class CalendarApiController {

	record Feed(String url) {
	}

	private final Calendars calendars;

	CalendarApiController(Calendars calendars) {
		this.calendars = calendars;
	}

	@GetMapping(value = "/me.ics", produces = "text/calendar")
	@Operation(
			summary = "The token holder's calendar: every session they hold a seat in, cancelled ones as STATUS:CANCELLED")
	ResponseEntity<String> mine(@AuthenticationPrincipal CprUser me) {
		return ResponseEntity.ok()
			.contentType(CalendarController.TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.body(calendars.personalCalendar(me.personId(), "CPR"));
	}

	@PostMapping("/feed")
	@Operation(
			summary = "Issue a new secret feed URL (the previous one stops working); the URL is shown only in this response")
	Feed issue(@AuthenticationPrincipal CprUser me) {
		FeedLink link = calendars.issueFeed(me.personId());
		return new Feed(ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/calendar/feeds/{token}.ics")
			.buildAndExpand(link.token())
			.toUriString());
	}

	@DeleteMapping("/feed")
	@Operation(summary = "Turn off the feed URL; it then answers 410 Gone")
	ResponseEntity<Void> revoke(@AuthenticationPrincipal CprUser me) {
		calendars.revokeFeed(me.personId());
		return ResponseEntity.noContent().build();
	}

}
