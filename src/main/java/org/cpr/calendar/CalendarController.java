package org.cpr.calendar;

import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PublicPaths;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.http.CacheControl;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A person's calendar page (make, replace or turn off the feed link; download once) and
 * the feed itself, which calendar apps fetch without signing in: the secret token is the
 * credential.
 */
@Controller
class CalendarController {

	static final String VIEW = "calendar/mine";
	static final MediaType TEXT_CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

	private final Calendars calendars;

	private final MessageSource messages;

	CalendarController(Calendars calendars, MessageSource messages) {
		this.calendars = calendars;
		this.messages = messages;
	}

	@Bean
	static PublicPaths calendarFeedPaths() {
		return PublicPaths.of("/calendar/feeds/**");
	}

	@Bean
	static NavigationItem calendarLink() {
		return new NavigationItem(25, "/calendar", "calendar.nav", Set.of());
	}

	@GetMapping("/calendar")
	String mine(@AuthenticationPrincipal CprUser me, Model model) {
		model.addAttribute("hasFeed", calendars.hasFeed(me.personId()));
		return VIEW;
	}

	@PostMapping("/calendar/feed")
	String issue(@AuthenticationPrincipal CprUser me, RedirectAttributes flash) {
		FeedLink link = calendars.issueFeed(me.personId());
		String url = ServletUriComponentsBuilder.fromCurrentContextPath()
			.path("/calendar/feeds/{token}.ics")
			.buildAndExpand(link.token())
			.toUriString();
		flash.addFlashAttribute("feedUrl", url);
		flash.addFlashAttribute("webcalUrl", url.replaceFirst("^https?://", "webcal://"));
		return "redirect:/calendar";
	}

	@PostMapping("/calendar/feed/revoke")
	String revoke(@AuthenticationPrincipal CprUser me) {
		calendars.revokeFeed(me.personId());
		return "redirect:/calendar?revoked";
	}

	@GetMapping("/calendar/me.ics")
	ResponseEntity<String> download(@AuthenticationPrincipal CprUser me, Locale locale) {
		return ResponseEntity.ok()
			.contentType(TEXT_CALENDAR)
			.cacheControl(CacheControl.noStore())
			.header("Content-Disposition", "attachment; filename=\"my-calendar.ics\"")
			.body(calendars.personalCalendar(me.personId(), messages.getMessage("calendar.name", null, locale)));
	}

	@GetMapping("/calendar/feeds/{token}.ics")
	ResponseEntity<String> feed(@PathVariable String token, Locale locale,
			@RequestHeader(name = "If-None-Match", required = false) String ifNoneMatch) {
		try {
			Calendars.PolledFeed polled = calendars.poll(token, messages.getMessage("calendar.name", null, locale),
					ifNoneMatch);
			if (polled.body() == null) {
				return ResponseEntity.status(HttpStatus.NOT_MODIFIED)
					.eTag(polled.etag())
					.cacheControl(CacheControl.noCache().cachePrivate())
					.build();
			}
			var ok = ResponseEntity.ok().contentType(TEXT_CALENDAR).cacheControl(CacheControl.noCache().cachePrivate());
			return (polled.etag() == null ? ok : ok.eTag(polled.etag())).body(polled.body());
		}
		catch (Calendars.FeedUnavailable gone) {
			HttpStatus status = gone.revoked() ? HttpStatus.GONE : HttpStatus.NOT_FOUND;
			String key = gone.revoked() ? "calendar.feed.revoked" : "calendar.feed.unknown";
			return ResponseEntity.status(status)
				.contentType(new MediaType("text", "plain", StandardCharsets.UTF_8))
				.body(messages.getMessage(key, null, locale));
		}
	}

}
