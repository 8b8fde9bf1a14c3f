package org.cpr.peersupport;

import java.time.Clock;
import java.time.LocalDate;
import java.util.Set;

import org.cpr.identity.CprUser;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The yearly peer support report: counts only, each through the disclosure gate (11 or
 * more).
 */
@Controller
@PreAuthorize("hasAnyRole('PEER_SUPPORT_COORDINATOR','ADMINISTRATOR','PROGRAM_DIRECTOR')")
class PeerReportController {

	static final String VIEW = "peersupport/report";

	/**
	 * The roles in the order their holder views the report under (the first they hold).
	 */
	private static final Role[] VIEWING_ROLES = { Role.PEER_SUPPORT_COORDINATOR, Role.ADMINISTRATOR,
			Role.PROGRAM_DIRECTOR };

	private final PeerReports reports;

	private final Clock clock;

	PeerReportController(PeerReports reports, Clock clock) {
		this.reports = reports;
		this.clock = clock;
	}

	@Bean
	static NavigationItem peerReportLink() {
		return new NavigationItem(29, "/peer/reports", "peer.report.nav",
				Set.of(Role.PEER_SUPPORT_COORDINATOR, Role.ADMINISTRATOR, Role.PROGRAM_DIRECTOR));
	}

	@GetMapping("/peer/reports")
	String report(@RequestParam(required = false) Integer year, @AuthenticationPrincipal CprUser me, Model model) {
		int thisYear = LocalDate.now(clock).getYear();
		int shown = year == null || year < 2000 || year > thisYear ? LocalDate.now(clock).minusDays(7).getYear() : year;
		Role role = java.util.Arrays.stream(VIEWING_ROLES).filter(me::hasRole).findFirst().orElseThrow();
		model.addAttribute("report", reports.report(me.personId(), role, shown));
		model.addAttribute("years",
				java.util.stream.IntStream.rangeClosed(thisYear - 4, thisYear).boxed().toList().reversed());
		model.addAttribute("minimum", PeerReports.MIN_COUNT);
		return VIEW;
	}

}
