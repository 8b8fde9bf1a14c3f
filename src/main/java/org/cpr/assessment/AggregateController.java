package org.cpr.assessment;

import java.util.List;
import java.util.Locale;

import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * Participation and band distributions by org unit (tables and charts), every cell
 * through the disclosure gate.
 */
@Controller
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR')")
class AggregateController {

	static final String AGGREGATE_VIEW = "assessment/aggregate";

	private final SnapshotManagement snapshots;

	private final AggregateCharts charts;

	AggregateController(SnapshotManagement snapshots, AggregateCharts charts) {
		this.snapshots = snapshots;
		this.charts = charts;
	}

	@GetMapping("/snapshot/aggregate")
	String aggregate(@AuthenticationPrincipal CprUser user, Locale locale, Model model) {
		Role role = user.hasRole(Role.ADMINISTRATOR) ? Role.ADMINISTRATOR : Role.PROGRAM_DIRECTOR;
		List<AggregateTable> tables = snapshots.aggregates(user.personId(), role);
		model.addAttribute("tables", tables);
		model.addAttribute("charts", charts.of(tables, locale));
		java.util.Map<String, String> titles = new java.util.HashMap<>();
		tables.stream()
			.map(AggregateTable::instrumentId)
			.filter(java.util.Objects::nonNull)
			.forEach(id -> titles.put(id, charts.title(id, locale)));
		model.addAttribute("titles", titles);
		return AGGREGATE_VIEW;
	}

}
