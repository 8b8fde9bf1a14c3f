package org.cpr.assessment.web;

import org.cpr.assessment.internal.SnapshotAggregate;
import org.cpr.identity.CprUser;
import org.cpr.shared.Role;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/** Participation and band distributions by org unit, every cell through the disclosure gate. */
@Controller
@PreAuthorize("hasAnyRole('PROGRAM_DIRECTOR','ADMINISTRATOR')")
class AggregateController {

    static final String AGGREGATE_VIEW = "assessment/aggregate";

    private final SnapshotAggregate aggregate;

    AggregateController(SnapshotAggregate aggregate) {
        this.aggregate = aggregate;
    }

    @GetMapping("/snapshot/aggregate")
    String aggregate(@AuthenticationPrincipal CprUser user, Model model) {
        Role role = user.hasRole(Role.ADMINISTRATOR) ? Role.ADMINISTRATOR : Role.PROGRAM_DIRECTOR;
        model.addAttribute("tables", aggregate.report(user.personId(), role));
        return AGGREGATE_VIEW;
    }
}
