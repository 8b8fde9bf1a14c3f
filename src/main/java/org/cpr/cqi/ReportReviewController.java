package org.cpr.cqi;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * Review of speak-up reports: CQI reviewers (facilitators) read systemic reports, the
 * conduct officer reads mistreatment reports; neither sees the other's channel, and
 * program leadership sees only released, redacted quotes.
 */
@Controller
class ReportReviewController {

	static final String LIST_VIEW = "cqi/reports";
	static final String REPORT_VIEW = "cqi/report";
	static final String RELEASED_VIEW = "cqi/released";

	private final SpeakUpChannel channel;

	ReportReviewController(SpeakUpChannel channel) {
		this.channel = channel;
	}

	@GetMapping("/cqi/reports")
	@PreAuthorize("hasAnyRole('FACILITATOR','CONDUCT_OFFICER')")
	String queue(@AuthenticationPrincipal CprUser me, Model model) {
		List<ReportView> reports = new ArrayList<>();
		channelsOf(me).forEach(c -> reports.addAll(channel.reviewQueue(c)));
		model.addAttribute("reports", reports);
		model.addAttribute("released", channel.released());
		return LIST_VIEW;
	}

	@GetMapping("/cqi/reports/{id}")
	@PreAuthorize("hasAnyRole('FACILITATOR','CONDUCT_OFFICER')")
	String open(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, Model model) {
		ReportView report = load(id, me);
		model.addAttribute("report", report);
		if (report.channel() == ReportChannel.MISTREATMENT && "CONFIDENTIAL".equals(report.privacyMode())) {
			channel.reporterOf(id, me.personId()).ifPresent(p -> model.addAttribute("reporter", p.toString()));
		}
		return REPORT_VIEW;
	}

	@PostMapping("/cqi/reports/{id}/reply")
	@PreAuthorize("hasAnyRole('FACILITATOR','CONDUCT_OFFICER')")
	String reply(@PathVariable UUID id, @RequestParam String body, @AuthenticationPrincipal CprUser me) {
		load(id, me);
		if (!body.isBlank() && body.length() <= 4000) {
			channel.reviewerReplies(id, body, me.personId());
		}
		return "redirect:/cqi/reports/" + id;
	}

	@PostMapping("/cqi/reports/{id}/release")
	@PreAuthorize("hasAnyRole('FACILITATOR','CONDUCT_OFFICER')")
	String release(@PathVariable UUID id, @RequestParam String redacted, @AuthenticationPrincipal CprUser me) {
		load(id, me);
		if (!redacted.isBlank() && redacted.length() <= 10000) {
			channel.release(id, redacted, me.personId());
		}
		return "redirect:/cqi/reports/" + id;
	}

	@GetMapping("/cqi/released")
	@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR','FACILITATOR')")
	String released(Model model) {
		model.addAttribute("released", channel.released());
		return RELEASED_VIEW;
	}

	private ReportView load(UUID id, CprUser me) {
		return channelsOf(me).stream()
			.map(c -> channel.openForReview(id, c, me.personId()))
			.flatMap(java.util.Optional::stream)
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	private static List<ReportChannel> channelsOf(CprUser me) {
		return java.util.Arrays.stream(ReportChannel.values()).filter(c -> me.hasRole(c.reviewer())).toList();
	}

	@org.springframework.context.annotation.Configuration(proxyBeanMethods = false)
	static class Navigation {

		@Bean
		NavigationItem speakUpLink() {
			return new NavigationItem(42, "/speak-up", "speakup.nav", Set.of());
		}

		@Bean
		NavigationItem reviewLink() {
			return new NavigationItem(43, "/cqi/reports", "review.nav", Set.of(Role.FACILITATOR, Role.CONDUCT_OFFICER));
		}

		@Bean
		NavigationItem releasedLink() {
			return new NavigationItem(44, "/cqi/released", "review.released",
					Set.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR));
		}

	}

}
