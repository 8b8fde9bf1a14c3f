package org.cpr.safety.checkin;

import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.validation.Valid;
import org.cpr.safety.checkin.CheckinForms.MessageForm;
import org.cpr.safety.checkin.CheckinForms.ReturnForm;
import org.cpr.safety.checkin.CheckinForms.RevealForm;
import org.cpr.safety.checkin.CheckinForms.StartForm;
import org.cpr.shared.FormErrors;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The anonymous check-in: screening under a self-chosen handle, then the dialogue with a
 * counselor. Nothing here reads who the visitor is; handles and passphrases travel in
 * POST bodies only.
 */
@Controller
class CheckinController {

	static final String START_VIEW = "safety/checkin";
	static final String RECEIPT_VIEW = "safety/checkin-receipt";
	static final String RETURN_VIEW = "safety/checkin-return";
	static final String THREAD_VIEW = "safety/checkin-thread";

	private final CheckinService checkins;

	private final CheckinInstruments instruments;

	CheckinController(CheckinService checkins, CheckinInstruments instruments) {
		this.checkins = checkins;
		this.instruments = instruments;
	}

	@GetMapping("/checkin")
	String start(Model model) {
		model.addAttribute("form", StartForm.fresh());
		return startPage(model, Map.of(), Map.of());
	}

	@PostMapping("/checkin")
	String submit(@Valid @ModelAttribute("form") StartForm form, BindingResult errors,
			@RequestParam MultiValueMap<String, String> params, Model model) {
		CheckinInstruments.Outcome outcome = instruments.score(params);
		Map<String, String> typed = CheckinInstruments.typed(params);
		if (errors.hasErrors() || !outcome.valid()) {
			return startPage(model, typed, outcome.errors());
		}
		try {
			model.addAttribute("receipt",
					checkins.submit(form.handle(), form.passphrase(), form.doorbell(), form.idempotencyKey(), outcome));
			model.addAttribute("moralDistressSteps", outcome.scores().moralDistressSteps());
			return RECEIPT_VIEW;
		}
		catch (CheckinService.HandleUnavailableException taken) {
			FormErrors.rejectValue(errors, "handle", "checkin.handle.unavailable");
		}
		catch (CheckinThrottledException throttled) {
			FormErrors.rejectValue(errors, "handle", "checkin.throttled");
		}
		return startPage(model, typed, Map.of());
	}

	@GetMapping("/checkin/return")
	String returning(Model model) {
		model.addAttribute("returnForm", new ReturnForm("", ""));
		return RETURN_VIEW;
	}

	@PostMapping("/checkin/return")
	String signIn(@Valid @ModelAttribute("returnForm") ReturnForm form, BindingResult errors, Model model) {
		if (errors.hasErrors()) {
			return RETURN_VIEW;
		}
		try {
			Optional<UUID> account = checkins.signIn(form.handle(), form.passphrase());
			if (account.isPresent()) {
				return thread(account.get(), model);
			}
			FormErrors.rejectValue(errors, "passphrase", "checkin.return.failed");
		}
		catch (CheckinThrottledException throttled) {
			FormErrors.rejectValue(errors, "passphrase", "checkin.throttled");
		}
		return RETURN_VIEW;
	}

	@PostMapping("/checkin/thread")
	String write(@Valid @ModelAttribute("messageForm") MessageForm form, BindingResult errors, Model model) {
		Optional<UUID> account = checkins.accountOf(form.token());
		if (account.isEmpty()) {
			return expired(model);
		}
		if (!errors.hasErrors() && form.body() != null && !form.body().isBlank()) {
			checkins.participantWrites(account.get(), form.body());
			model.addAttribute("sent", true);
			model.addAttribute("messageForm", new MessageForm(null, ""));
		}
		return thread(account.get(), model);
	}

	@PostMapping("/checkin/reveal")
	String reveal(@Valid @ModelAttribute("revealForm") RevealForm form, BindingResult errors, Model model) {
		Optional<UUID> account = checkins.accountOf(form.token());
		if (account.isEmpty()) {
			return expired(model);
		}
		if (errors.hasErrors()) {
			model.addAttribute("revealOpen", true);
			return thread(account.get(), model);
		}
		checkins.reveal(account.get(), form.name(), form.contact(), null);
		model.addAttribute("revealForm", new RevealForm(null, "", ""));
		return thread(account.get(), model);
	}

	@PostMapping("/checkin/delete")
	String delete(@RequestParam(required = false) String token, Model model) {
		checkins.accountOf(token).ifPresent(checkins::delete);
		model.addAttribute("returnForm", new ReturnForm("", ""));
		model.addAttribute("deleted", true);
		return RETURN_VIEW;
	}

	private String thread(UUID account, Model model) {
		model.addAttribute("thread", checkins.threadOf(account).orElse(null));
		model.addAttribute("token", checkins.tokenFor(account));
		if (!model.containsAttribute("revealForm")) {
			model.addAttribute("revealForm", new RevealForm(null, "", ""));
		}
		if (!model.containsAttribute("messageForm")) {
			model.addAttribute("messageForm", new MessageForm(null, ""));
		}
		return THREAD_VIEW;
	}

	private String expired(Model model) {
		model.addAttribute("returnForm", new ReturnForm("", ""));
		model.addAttribute("expired", true);
		return RETURN_VIEW;
	}

	private String startPage(Model model, Map<String, String> answers, Map<String, String> itemErrors) {
		model.addAttribute("sections", instruments.sections());
		model.addAttribute("answers", answers);
		model.addAttribute("itemErrors", itemErrors);
		return START_VIEW;
	}

}
