package org.cpr.cqi;

import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.cqi.EvidenceForms.CountForm;
import org.cpr.cqi.EvidenceForms.QuoteForm;
import org.cpr.cqi.EvidenceForms.RemeasureForm;
import org.cpr.identity.CprUser;
import org.cpr.shared.FormErrors;
import org.cpr.shared.OrgUnitId;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.server.ResponseStatusException;

/**
 * Evidence and re-measurement on a register item. Only CQI reviewers (facilitators) add
 * or release evidence; a quote is never shown to leadership before a reviewer releases
 * it.
 */
@Controller
@RequestMapping("/cqi/items/{id}")
@PreAuthorize("hasRole('FACILITATOR')")
class CqiEvidenceController {

	private final CqiEvidence evidence;

	private final Remeasurements remeasurements;

	private final ItemPage page;

	CqiEvidenceController(CqiEvidence evidence, Remeasurements remeasurements, ItemPage page) {
		this.evidence = evidence;
		this.remeasurements = remeasurements;
		this.page = page;
	}

	@PostMapping("/evidence/counts")
	String addCount(@PathVariable UUID id, @Valid @ModelAttribute("countForm") CountForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		page.load(id);
		if (!errors.hasErrors() && page.isHospital(form.hospitalId())) {
			evidence.addCount(id, new OrgUnitId(form.hospitalId()), form.category(),
					Quarter.parse(form.quarter()).orElseThrow(), me.personId());
			return "redirect:/cqi/items/" + id;
		}
		if (!errors.hasFieldErrors("hospitalId")) {
			FormErrors.rejectValue(errors, "hospitalId", "cqi2.hospital.required");
		}
		return page.render(id, me, model);
	}

	@PostMapping("/evidence/quotes")
	String addQuote(@PathVariable UUID id, @Valid @ModelAttribute("quoteForm") QuoteForm form, BindingResult errors,
			@AuthenticationPrincipal CprUser me, Model model) {
		page.load(id);
		if (errors.hasErrors()) {
			return page.render(id, me, model);
		}
		evidence.addQuote(id, form.text(), me.personId());
		return "redirect:/cqi/items/" + id;
	}

	@PostMapping("/evidence/quotes/{quote}/release")
	String release(@PathVariable UUID id, @PathVariable UUID quote, @AuthenticationPrincipal CprUser me) {
		if (!evidence.releaseQuote(id, quote, me.personId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/cqi/items/" + id;
	}

	@PostMapping("/evidence/quotes/{quote}/withdraw")
	String withdraw(@PathVariable UUID id, @PathVariable UUID quote, @AuthenticationPrincipal CprUser me) {
		if (!evidence.withdrawQuote(id, quote, me.personId())) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		return "redirect:/cqi/items/" + id;
	}

	@PostMapping("/remeasure")
	String remeasure(@PathVariable UUID id, @Valid @ModelAttribute("remeasureForm") RemeasureForm form,
			BindingResult errors, @AuthenticationPrincipal CprUser me, Model model) {
		page.load(id);
		if (!errors.hasErrors()) {
			try {
				remeasurements.record(id, form.measurement(), me.personId());
				return "redirect:/cqi/items/" + id;
			}
			catch (ImprovementRegister.RefusedException refused) {
				errors.reject(refused.messageKey());
			}
		}
		model.addAttribute("showRemeasure", true);
		return page.render(id, me, model);
	}

}
