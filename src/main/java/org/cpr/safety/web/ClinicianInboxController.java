package org.cpr.safety.web;

import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.identity.CprUser;
import org.cpr.safety.AlertView;
import org.cpr.safety.SafetyAlerts;
import org.cpr.safety.checkin.CheckinService;
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
import org.springframework.web.server.ResponseStatusException;

/** The resilience clinician's alert inbox: sorted by tier and deadline; every view is audited. */
@Controller
@RequestMapping("/clinician/alerts")
@PreAuthorize("hasRole('RESILIENCE_CLINICIAN')")
class ClinicianInboxController {

    static final String INBOX_VIEW = "safety/inbox";
    static final String ALERT_VIEW = "safety/alert";

    private final SafetyAlerts alerts;
    private final CheckinService checkins;

    ClinicianInboxController(SafetyAlerts alerts, CheckinService checkins) {
        this.alerts = alerts;
        this.checkins = checkins;
    }

    @GetMapping
    String inbox(@AuthenticationPrincipal CprUser me, Model model) {
        model.addAttribute("alerts", alerts.inbox(me.personId()));
        model.addAttribute("checkinLinks", checkins.submissionsByAlert());
        return INBOX_VIEW;
    }

    @GetMapping("/{id}")
    String alert(@PathVariable UUID id, @AuthenticationPrincipal CprUser me, Model model) {
        model.addAttribute("alert", load(id, me));
        model.addAttribute("form", DispositionForm.empty());
        return ALERT_VIEW;
    }

    @PostMapping("/{id}/acknowledge")
    String acknowledge(@PathVariable UUID id, @AuthenticationPrincipal CprUser me) {
        load(id, me);
        alerts.acknowledge(id, me.personId());
        return "redirect:/clinician/alerts/" + id;
    }

    @PostMapping("/{id}/disposition")
    String disposition(@PathVariable UUID id, @AuthenticationPrincipal CprUser me,
                       @Valid @ModelAttribute("form") DispositionForm form, BindingResult errors, Model model) {
        AlertView alert = load(id, me);
        form.validate(errors);
        if (errors.hasErrors()) {
            model.addAttribute("alert", alert);
            return ALERT_VIEW;
        }
        alerts.recordDisposition(id, me.personId(), form.disposition(), form.risk(), form.nextAttemptOn());
        return "redirect:/clinician/alerts/" + id;
    }

    private AlertView load(UUID id, CprUser me) {
        return alerts.open(id, me.personId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
    }
}
