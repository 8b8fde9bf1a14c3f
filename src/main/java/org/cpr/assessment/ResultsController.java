package org.cpr.assessment;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.safety.ContactMessages;
import org.cpr.shared.SvgChart;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The person's own results: scores with bands in plain words, their trend, benchmarks,
 * tailored next steps, and — when an answer needs a clinician — the crisis panel and the
 * private-or-contact choice. Every lookup is by owner: another person's id is simply not
 * found (404).
 */
@Controller
class ResultsController {

	static final String LANDING_VIEW = "assessment/landing";
	static final String RESULTS_VIEW = "assessment/results";
	static final String SOURCE = "snapshot";
	static final Set<String> CHANNELS = Set.of("PHONE", "EMAIL", "VIDEO", "IN_PERSON");
	static final Set<String> TIMES = Set.of("MORNING", "AFTERNOON", "EVENING", "ANY");

	private final SnapshotManagement snapshots;

	private final ContactMessages contact;

	private final MessageSource messages;

	private final org.cpr.evaluation.EvaluationConsent consent;

	/** A thread from the resilience team about one of the person's snapshots. */
	record TeamThread(UUID submissionId, java.time.Instant submittedAt, List<ContactMessages.Message> messages) {
	}

	ResultsController(SnapshotManagement snapshots, ContactMessages contact, MessageSource messages,
			org.cpr.evaluation.EvaluationConsent consent) {
		this.consent = consent;
		this.contact = contact;
		this.messages = messages;
		this.snapshots = snapshots;
	}

	@GetMapping("/snapshot")
	String landing(@AuthenticationPrincipal CprUser user, Model model) {
		List<SubmittedSnapshot> all = snapshots.history(user.personId());
		model.addAttribute("history", all.reversed());
		model.addAttribute("cadence", snapshots.reminderCadence(user.personId()).name());
		Map<UUID, SubmittedSnapshot> byId = new LinkedHashMap<>();
		all.forEach(s -> byId.put(s.id(), s));
		List<TeamThread> threads = new java.util.ArrayList<>();
		contact.threadsOf(SOURCE, user.personId()).forEach((sourceId, messages) -> {
			SubmittedSnapshot s = byId.get(UUID.fromString(sourceId));
			if (s != null) {
				threads.add(new TeamThread(s.id(), s.submittedAt(), messages));
			}
		});
		model.addAttribute("teamThreads", threads);
		model.addAttribute("evaluationConsent", consent.current(user.personId()).orElse(null));
		return LANDING_VIEW;
	}

	@GetMapping("/snapshot/results/{id}")
	String results(@PathVariable UUID id, @AuthenticationPrincipal CprUser user, Model model, java.util.Locale locale) {
		// the history is read once (by owner: another person's id is simply not in it)
		// and serves the page's submission, its table and its trend charts
		List<SubmittedSnapshot> all = snapshots.history(user.personId());
		SubmittedSnapshot submission = all.stream()
			.filter(s -> s.id().equals(id))
			.findFirst()
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		model.addAttribute("submission", submission);
		Map<String, String> titles = titles(all);
		model.addAttribute("titles", titles);
		model.addAttribute("nextSteps", snapshots.nextSteps(submission, locale));
		model.addAttribute("benchmarks",
				submission.shown().stream().flatMap(r -> Benchmarks.forInstrument(r.instrumentId()).stream()).toList());
		model.addAttribute("trends", trends(all, titles));
		model.addAttribute("historyRows", historyRows(all, titles, locale));
		model.addAttribute("channels", List.of("PHONE", "EMAIL", "VIDEO", "IN_PERSON"));
		model.addAttribute("times", List.of("ANY", "MORNING", "AFTERNOON", "EVENING"));
		model.addAttribute("teamMessages", contact.threadOf(SOURCE, id.toString(), user.personId()));
		model.addAttribute("evaluationConsent", consent.current(user.personId()).orElse(null));
		if (!model.containsAttribute("answer")) {
			model.addAttribute("answer", "");
		}
		return RESULTS_VIEW;
	}

	/**
	 * The person answers the resilience team in the thread of this snapshot (only theirs,
	 * only once the team wrote).
	 */
	@PostMapping("/snapshot/results/{id}/messages")
	String answer(@PathVariable UUID id, @RequestParam(required = false) String body,
			@AuthenticationPrincipal CprUser user, Model model, jakarta.servlet.http.HttpServletResponse response) {
		snapshots.find(id, user.personId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		if (contact.threadOf(SOURCE, id.toString(), user.personId()).isEmpty()) {
			throw new ResponseStatusException(HttpStatus.NOT_FOUND);
		}
		String text = body == null ? "" : body.strip();
		if (text.isEmpty() || text.length() > ContactMessages.MAX_LENGTH) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("answer", body == null ? "" : body);
			model.addAttribute("answerError", text.isEmpty() ? "contact.answer.required" : "contact.message.tooLong");
			return results(id, user, model, org.springframework.context.i18n.LocaleContextHolder.getLocale());
		}
		contact.personAnswers(SOURCE, id.toString(), user.personId(), text);
		return "redirect:/snapshot/results/" + id + "?answered#team-messages";
	}

	@PostMapping("/snapshot/results/{id}/choice")
	String choose(@PathVariable UUID id, @RequestParam(required = false) String choice,
			@RequestParam(required = false) String channel, @RequestParam(required = false) String time,
			@AuthenticationPrincipal CprUser user, Model model, jakarta.servlet.http.HttpServletResponse response) {
		SubmittedSnapshot submission = snapshots.find(id, user.personId())
			.orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
		ContactChoice picked = "CONTACT".equals(choice) ? ContactChoice.CONTACT
				: "PRIVATE".equals(choice) ? ContactChoice.PRIVATE : null;
		if (picked == null || (picked == ContactChoice.CONTACT
				&& (channel == null || time == null || !CHANNELS.contains(channel) || !TIMES.contains(time)))) {
			response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
			model.addAttribute("choiceError",
					picked == null ? "snapshot.choice.error.pick" : "snapshot.choice.error.channel");
			model.addAttribute("chosen", choice);
			model.addAttribute("chosenChannel", channel);
			model.addAttribute("chosenTime", time);
			return results(submission.id(), user, model,
					org.springframework.context.i18n.LocaleContextHolder.getLocale());
		}
		snapshots.chooseContact(id, user.personId(), picked, channel, time);
		return "redirect:/snapshot/results/" + id + "#safety";
	}

	@PostMapping("/snapshot/reminders")
	String reminders(@RequestParam(required = false) String cadence, @AuthenticationPrincipal CprUser user) {
		ReminderCadence chosen;
		try {
			chosen = ReminderCadence.valueOf(cadence == null ? "" : cadence);
		}
		catch (IllegalArgumentException e) {
			throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
		}
		snapshots.chooseReminders(user.personId(), chosen);
		return "redirect:/snapshot?reminders=" + chosen.name().toLowerCase();
	}

	/** One row of the history table, its texts ready to write. */
	record HistoryRow(String date, String instrument, String score, String band) {
	}

	/**
	 * The history table's rows, oldest first: each band's label is looked up once per
	 * page (not once per row), and dates and titles come ready, so the template only
	 * writes text.
	 */
	List<HistoryRow> historyRows(List<SubmittedSnapshot> all, Map<String, String> titles, java.util.Locale locale) {
		Map<String, String> bands = new java.util.HashMap<>();
		List<HistoryRow> rows = new java.util.ArrayList<>();
		for (SubmittedSnapshot h : all) {
			String date = java.time.LocalDate.ofInstant(h.submittedAt(), java.time.ZoneId.systemDefault()).toString();
			for (InstrumentResult r : h.shown()) {
				String band = r.band() == null ? "" : bands.computeIfAbsent(r.band(),
						b -> messages.getMessage("snapshot.band." + b, null, b, locale));
				rows.add(new HistoryRow(date, titles.getOrDefault(r.instrumentId(), r.instrumentId()), r.scoreText(),
						band));
			}
		}
		return rows;
	}

	/**
	 * The instruments' names (in the person's language where a translation ships) for
	 * this take and every earlier one: a person never reads a code such as "who-5".
	 */
	private Map<String, String> titles(List<SubmittedSnapshot> all) {
		Map<String, String> titles = new LinkedHashMap<>();
		all.stream()
			.flatMap(x -> x.results().stream())
			.forEach(r -> titles.computeIfAbsent(r.instrumentId(), this::title));
		return titles;
	}

	private String title(String instrumentId) {
		return snapshots.form(instrumentId, LocaleContextHolder.getLocale()).title();
	}

	/**
	 * One chart per instrument the person has taken at least twice (screeners superseded
	 * by a follow-up are left out). A single take is no trend: the table beside it shows
	 * the score, and the page says the chart comes with the second snapshot. Charts are
	 * the page's dearest part.
	 */
	static final java.util.Set<String> CONTINUOUS = java.util.Set.of("phq-2", "gad-2");

	Map<String, SvgChart.Line> trends(List<SubmittedSnapshot> all) {
		return trends(all, new LinkedHashMap<>());
	}

	/** As {@link #trends(List)}, with the instruments' titles already looked up. */
	Map<String, SvgChart.Line> trends(List<SubmittedSnapshot> all, Map<String, String> titles) {
		Map<String, List<SvgChart.Dated>> points = new LinkedHashMap<>();
		for (SubmittedSnapshot s : all) {
			for (InstrumentResult r : s.results()) {
				// a screener stays in its trend when its follow-up was asked (PHQ-2 →
				// PHQ-9):
				// the follow-up repeats its items, so the depression and anxiety screens
				// make
				// one continuous series on one scale, whichever pages a take had
				if (r.score() != null && (!r.superseded() || CONTINUOUS.contains(r.instrumentId()))) {
					points.computeIfAbsent(r.instrumentId(), k -> new java.util.ArrayList<>())
						.add(new SvgChart.Dated(s.submittedAt(), r.score()));
				}
			}
		}
		Map<String, SvgChart.Line> charts = new LinkedHashMap<>();
		points.forEach((instrument, p) -> {
			if (p.size() >= 2) {
				String title = titles.computeIfAbsent(instrument, this::title);
				String desc = messages.getMessage("snapshot.trend.alt", new Object[] { title },
						LocaleContextHolder.getLocale());
				charts.put(instrument, SvgChart.line("trend-" + instrument, title, desc, p));
			}
		});
		return charts;
	}

}
