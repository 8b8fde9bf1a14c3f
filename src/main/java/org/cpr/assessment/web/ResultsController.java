package org.cpr.assessment.web;

import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import org.cpr.assessment.internal.Benchmarks;
import org.cpr.assessment.internal.Instruments;
import org.cpr.assessment.internal.NextSteps;
import org.cpr.assessment.internal.Reminders;
import org.cpr.assessment.internal.SafetyRouting;
import org.cpr.assessment.internal.SnapshotHistory;
import org.cpr.assessment.internal.TrendChart;
import org.cpr.identity.CprUser;
import org.cpr.safety.ContactMessages;
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
 * The person's own results: scores with bands in plain words, their trend, benchmarks, tailored
 * next steps, and — when an answer needs a clinician — the crisis panel and the private-or-contact
 * choice. Every lookup is by owner: another person's id is simply not found (404).
 */
@Controller
class ResultsController {

    static final String LANDING_VIEW = "assessment/landing";
    static final String RESULTS_VIEW = "assessment/results";
    static final String SOURCE = "snapshot";
    static final Set<String> CHANNELS = Set.of("PHONE", "EMAIL", "VIDEO", "IN_PERSON");
    static final Set<String> TIMES = Set.of("MORNING", "AFTERNOON", "EVENING", "ANY");

    private final SnapshotHistory history;
    private final NextSteps nextSteps;
    private final SafetyRouting safety;
    private final Instruments instruments;
    private final Reminders reminders;
    private final ContactMessages contact;

    /** A thread from the resilience team about one of the person's snapshots. */
    record TeamThread(UUID submissionId, java.time.Instant submittedAt, List<ContactMessages.Message> messages) {
    }

    ResultsController(SnapshotHistory history, NextSteps nextSteps, SafetyRouting safety, Instruments instruments, Reminders reminders,
                      ContactMessages contact) {
        this.contact = contact;
        this.history = history;
        this.nextSteps = nextSteps;
        this.safety = safety;
        this.instruments = instruments;
        this.reminders = reminders;
    }

    @GetMapping("/snapshot")
    String landing(@AuthenticationPrincipal CprUser user, Model model) {
        List<SnapshotHistory.Submission> all = history.all(user.personId());
        model.addAttribute("history", all.reversed());
        model.addAttribute("cadence", reminders.cadence(user.personId()).name());
        Map<UUID, SnapshotHistory.Submission> byId = new LinkedHashMap<>();
        all.forEach(s -> byId.put(s.id(), s));
        List<TeamThread> threads = new java.util.ArrayList<>();
        contact.threadsOf(SOURCE, user.personId()).forEach((sourceId, messages) -> {
            SnapshotHistory.Submission s = byId.get(UUID.fromString(sourceId));
            if (s != null) {
                threads.add(new TeamThread(s.id(), s.submittedAt(), messages));
            }
        });
        model.addAttribute("teamThreads", threads);
        return LANDING_VIEW;
    }

    @GetMapping("/snapshot/results/{id}")
    String results(@PathVariable UUID id, @AuthenticationPrincipal CprUser user, Model model) {
        SnapshotHistory.Submission submission = history.find(id, user.personId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        model.addAttribute("submission", submission);
        model.addAttribute("titles", titles(submission));
        model.addAttribute("nextSteps", nextSteps.forSubmission(submission));
        model.addAttribute("benchmarks", submission.shown().stream()
                .flatMap(r -> Benchmarks.forInstrument(r.instrumentId()).stream()).toList());
        List<SnapshotHistory.Submission> all = history.all(user.personId());
        model.addAttribute("trends", trends(all));
        model.addAttribute("historyRows", all);
        model.addAttribute("channels", List.of("PHONE", "EMAIL", "VIDEO", "IN_PERSON"));
        model.addAttribute("times", List.of("ANY", "MORNING", "AFTERNOON", "EVENING"));
        model.addAttribute("teamMessages", contact.threadOf(SOURCE, id.toString(), user.personId()));
        if (!model.containsAttribute("answer")) {
            model.addAttribute("answer", "");
        }
        return RESULTS_VIEW;
    }

    /** The person answers the resilience team in the thread of this snapshot (only theirs, only once the team wrote). */
    @PostMapping("/snapshot/results/{id}/messages")
    String answer(@PathVariable UUID id, @RequestParam(required = false) String body, @AuthenticationPrincipal CprUser user,
                  Model model, jakarta.servlet.http.HttpServletResponse response) {
        history.find(id, user.personId()).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (contact.threadOf(SOURCE, id.toString(), user.personId()).isEmpty()) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        String text = body == null ? "" : body.strip();
        if (text.isEmpty() || text.length() > ContactMessages.MAX_LENGTH) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("answer", body == null ? "" : body);
            model.addAttribute("answerError", text.isEmpty() ? "contact.answer.required" : "contact.message.tooLong");
            return results(id, user, model);
        }
        contact.personAnswers(SOURCE, id.toString(), user.personId(), text);
        return "redirect:/snapshot/results/" + id + "?answered#team-messages";
    }

    @PostMapping("/snapshot/results/{id}/choice")
    String choose(@PathVariable UUID id, @RequestParam(required = false) String choice, @RequestParam(required = false) String channel,
                  @RequestParam(required = false) String time, @AuthenticationPrincipal CprUser user, Model model,
                  jakarta.servlet.http.HttpServletResponse response) {
        SnapshotHistory.Submission submission = history.find(id, user.personId())
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        SafetyRouting.Choice picked = "CONTACT".equals(choice) ? SafetyRouting.Choice.CONTACT
                : "PRIVATE".equals(choice) ? SafetyRouting.Choice.PRIVATE : null;
        if (picked == null || (picked == SafetyRouting.Choice.CONTACT && (channel == null || time == null || !CHANNELS.contains(channel) || !TIMES.contains(time)))) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            model.addAttribute("choiceError", picked == null ? "snapshot.choice.error.pick" : "snapshot.choice.error.channel");
            model.addAttribute("chosen", choice);
            model.addAttribute("chosenChannel", channel);
            model.addAttribute("chosenTime", time);
            return results(submission.id(), user, model);
        }
        safety.choose(id, user.personId(), picked, channel, time);
        return "redirect:/snapshot/results/" + id + "#safety";
    }

    @PostMapping("/snapshot/reminders")
    String reminders(@RequestParam(required = false) String cadence, @AuthenticationPrincipal CprUser user) {
        Reminders.Cadence chosen;
        try {
            chosen = Reminders.Cadence.valueOf(cadence == null ? "" : cadence);
        } catch (IllegalArgumentException e) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        reminders.choose(user.personId(), chosen);
        return "redirect:/snapshot?reminders=" + chosen.name().toLowerCase();
    }

    private Map<String, String> titles(SnapshotHistory.Submission s) {
        Map<String, String> titles = new LinkedHashMap<>();
        s.results().forEach(r -> titles.put(r.instrumentId(), instruments.title(r.instrumentId())));
        return titles;
    }

    /**
     * One chart per instrument the person has taken at least twice (screeners superseded by a
     * follow-up are left out). A single take is no trend: the table beside it shows the score, and
     * the page says the chart comes with the second snapshot. Charts are the page's dearest part.
     */
    Map<String, String> trends(List<SnapshotHistory.Submission> all) {
        Map<String, List<TrendChart.Point>> points = new LinkedHashMap<>();
        for (SnapshotHistory.Submission s : all) {
            for (SnapshotHistory.Result r : s.shown()) {
                if (r.score() != null) {
                    points.computeIfAbsent(r.instrumentId(), k -> new java.util.ArrayList<>())
                            .add(new TrendChart.Point(Date.from(s.submittedAt()), r.score()));
                }
            }
        }
        Map<String, String> charts = new LinkedHashMap<>();
        points.forEach((instrument, p) -> {
            if (p.size() >= 2) {
                charts.put(instrument, TrendChart.png(instruments.title(instrument), "score", p));
            }
        });
        return charts;
    }
}
