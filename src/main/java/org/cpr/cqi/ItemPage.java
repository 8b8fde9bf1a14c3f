package org.cpr.cqi;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Collectors;

import org.cpr.cqi.CqiForms.PresentationForm;
import org.cpr.cqi.CqiForms.PublishForm;
import org.cpr.cqi.CqiForms.SolutionForm;
import org.cpr.identity.CprUser;
import org.cpr.identity.OrgUnitSummary;
import org.cpr.shared.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;
import org.springframework.web.server.ResponseStatusException;

/**
 * Fills the item page: the item, its evidence as this viewer may see it, and every form's
 * defaults.
 */
@Component
class ItemPage {

	static final String ITEM_VIEW = "cqi/item";

	private final ImprovementRegister register;

	private final CqiEvidence evidence;

	private final Remeasurements remeasurements;

	private final HospitalReports hospitals;

	private final Clock clock;

	ItemPage(ImprovementRegister register, CqiEvidence evidence, Remeasurements remeasurements,
			HospitalReports hospitals, Clock clock) {
		this.register = register;
		this.evidence = evidence;
		this.remeasurements = remeasurements;
		this.hospitals = hospitals;
		this.clock = clock;
	}

	ItemView load(UUID id) {
		return register.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
	}

	java.util.List<OrgUnitSummary> hospitals() {
		return hospitals.hospitals();
	}

	boolean isHospital(UUID id) {
		return id != null && hospitals.hospitals().stream().anyMatch(h -> h.id().value().equals(id));
	}

	String render(UUID id, CprUser me, Model model) {
		ItemView item = load(id);
		Map<UUID, String> hospitalNames = hospitals.hospitals()
			.stream()
			.collect(Collectors.toMap(h -> h.id().value(), OrgUnitSummary::name));
		model.addAttribute("item", item);
		model.addAttribute("hospitals", hospitals.hospitals());
		model.addAttribute("hospitalName", item.hospitalId() == null ? null : hospitalNames.get(item.hospitalId()));
		model.addAttribute("evidence",
				evidence.of(id, CqiViewer.of(me.personId(), me.roles()), me.hasRole(Role.FACILITATOR)));
		model.addAttribute("remeasurement", remeasurements.latest(id).orElse(null));
		Quarter current = Quarter.of(LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC));
		model.addAttribute("quarters", java.util.List.of(current, current.previous(), current.previous().previous(),
				current.previous().previous().previous()));
		defaults(model, "solutionForm", SolutionForm.empty());
		defaults(model, "presentationForm", PresentationForm.empty());
		defaults(model, "publishForm", PublishForm.of(item));
		defaults(model, "countForm", EvidenceForms.CountForm.of(item, current));
		defaults(model, "quoteForm", EvidenceForms.QuoteForm.empty());
		defaults(model, "remeasureForm", EvidenceForms.RemeasureForm.empty());
		return ITEM_VIEW;
	}

	private static void defaults(Model model, String name, Object form) {
		if (!model.containsAttribute(name)) {
			model.addAttribute(name, form);
		}
	}

}
