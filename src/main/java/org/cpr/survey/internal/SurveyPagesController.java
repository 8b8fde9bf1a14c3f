package org.cpr.survey.internal;

import java.io.IOException;
import java.io.StringWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.cpr.disclosure.Released;
import org.cpr.disclosure.Statistic;
import org.cpr.disclosure.Suppressed;
import org.cpr.identity.CprUser;
import org.cpr.identity.IdentityManagement;
import org.cpr.identity.TraineeType;
import org.cpr.questionnaire.FormView;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.questionnaire.Scoring;
import org.cpr.shared.CsvCells;
import org.cpr.shared.NavigationItem;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Survey pages. Respondents: "my surveys", the answering form (phone first; server drafts in
 * identified modes, browser sessionStorage drafts in anonymous mode; idempotent submit), the
 * confirmation. Facilitators: campaigns (audience, schedule, privacy mode and thresholds), launch,
 * waves with response rates and reminders, and the disclosure-controlled report (page and CSV).
 */
@Controller
class SurveyPagesController {

    private final CampaignService campaigns;
    private final SubmissionService submissions;
    private final DraftService drafts;
    private final InvitationService invitations;
    private final WaveReportService reports;
    private final WaveScheduler scheduler;
    private final IdentityAudience audience;
    private final InstrumentScorer scorer;
    private final QuestionnaireLibrary library;
    private final Scoring scoring;
    private final IdentityManagement identity;
    private final GroupLabels labels;
    private final MessageSource messages;
    private final Clock clock;
    private final AnswerExport exports;
    private final ObjectMapper json = new ObjectMapper();

    SurveyPagesController(CampaignService campaigns, SubmissionService submissions, DraftService drafts,
                          InvitationService invitations, WaveReportService reports, WaveScheduler scheduler,
                          IdentityAudience audience, InstrumentScorer scorer, QuestionnaireLibrary library,
                          Scoring scoring, IdentityManagement identity, GroupLabels labels, MessageSource messages,
                          Clock clock, AnswerExport exports) {
        this.exports = exports;
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.drafts = drafts;
        this.invitations = invitations;
        this.reports = reports;
        this.scheduler = scheduler;
        this.audience = audience;
        this.scorer = scorer;
        this.library = library;
        this.scoring = scoring;
        this.identity = identity;
        this.labels = labels;
        this.messages = messages;
        this.clock = clock;
    }

    @Bean
    static NavigationItem mySurveysLink() {
        return new NavigationItem(20, "/surveys", "survey.nav.mine", Set.of());
    }

    @Bean
    static NavigationItem campaignsLink() {
        return new NavigationItem(51, "/surveys/campaigns", "survey.nav.campaigns", Set.of(Role.FACILITATOR, Role.SYSTEM_ADMIN));
    }

    // ---- respondents ---------------------------------------------------------------------------

    record OpenSurvey(UUID waveId, String title, String waveLabel, LocalDate closesOn, boolean done, String mode) {
    }

    @GetMapping("/surveys")
    String mine(@AuthenticationPrincipal CprUser user, Model model) {
        List<OpenSurvey> open = new ArrayList<>();
        for (CampaignService.WaveRow w : campaigns.openWavesFor(user.personId())) {
            campaigns.find(w.campaignId()).ifPresent(c -> open.add(new OpenSurvey(w.id(), c.title(), w.label(),
                w.closesOn(), submissions.completed(w.id(), user.personId()), c.privacyMode().name())));
        }
        model.addAttribute("surveys", open);
        return "survey/mine";
    }

    @GetMapping("/surveys/waves/{waveId}")
    String form(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId, Model model) {
        Answering a = answering(user, waveId);
        if (submissions.completed(waveId, user.personId())) {
            model.addAttribute("campaign", a.campaign());
            model.addAttribute("waveId", waveId);
            model.addAttribute("already", true);
            return "survey/done";
        }
        Map<String, String> answers = new HashMap<>();
        if (a.campaign().privacyMode().identified()) {
            drafts.load(waveId, user.personId()).ifPresent(d -> answers.putAll(flatten(d)));
        }
        return render(a, answers, Map.of(), new Ctx(null, null, null), UUID.randomUUID().toString(), null, model);
    }

    @PostMapping("/surveys/waves/{waveId}")
    String submit(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId,
                  @RequestParam MultiValueMap<String, String> params, Model model, RedirectAttributes redirect,
                  HttpServletResponse response) {
        Answering a = answering(user, waveId);
        Map<String, String> typed = new HashMap<>();
        Map<String, Object> answers = answers(a.form(), params, typed);
        Ctx ctx = new Ctx(allowed(params.getFirst("ctx_hospital"), labels.hospitals().stream().map(h -> h.code()).toList()),
            allowed(params.getFirst("ctx_rotation"), GroupLabels.ROTATIONS),
            allowed(params.getFirst("ctx_pgy"), GroupLabels.PGY_BANDS));
        String key = params.getFirst("idempotencyKey");
        if (key == null || !key.matches("[0-9a-f-]{36}")) {
            key = UUID.randomUUID().toString();
        }
        if ("draft".equals(params.getFirst("action")) && a.campaign().privacyMode().identified()) {
            try {
                drafts.save(waveId, user.personId(), answers);
            } catch (InvalidAnswersException invalid) {
                response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
                return render(a, typed, invalid.errors(), ctx, key, "survey.form.errors", model);
            }
            return render(a, typed, Map.of(), ctx, key, "survey.draft.saved", model);
        }
        try {
            SubmissionService.Outcome out = submissions.submit(waveId, user.personId(), key, answers,
                new SubmissionService.Context(ctx.hospital(), ctx.rotation(), ctx.pgy()));
            redirect.addFlashAttribute("receipt", out.receipt());
            return "redirect:/surveys/waves/" + waveId + "/done";
        } catch (InvalidAnswersException invalid) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return render(a, typed, invalid.errors(), ctx, key, "survey.form.errors", model);
        } catch (SurveyConflictException conflict) {
            if ("survey.wave.alreadyCompleted".equals(conflict.code())) {
                model.addAttribute("campaign", a.campaign());
                model.addAttribute("waveId", waveId);
                model.addAttribute("already", true);
                return "survey/done";
            }
            response.setStatus(conflict.status());
            String next = "survey.idempotency.mismatch".equals(conflict.code()) ? UUID.randomUUID().toString() : key;
            return render(a, typed, Map.of(), ctx, next, conflict.code(), model);
        }
    }

    @GetMapping("/surveys/waves/{waveId}/done")
    String done(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId, Model model) {
        Campaign c = campaigns.campaignOfWave(waveId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        if (!model.containsAttribute("receipt") && !submissions.completed(waveId, user.personId())) {
            return "redirect:/surveys/waves/" + waveId;
        }
        model.addAttribute("campaign", c);
        model.addAttribute("waveId", waveId);
        return "survey/done";
    }

    /** The signed-in person's own answer to an identified wave, as a FHIR QuestionnaireResponse file. */
    @GetMapping("/surveys/waves/{waveId}/answers.fhir.json")
    ResponseEntity<String> myAnswers(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
        String body;
        try {
            body = exports.mine(waveId, user.personId());
        } catch (SurveyConflictException e) {
            throw new ResponseStatusException(HttpStatus.valueOf(e.status()),
                messages.getMessage(e.code(), null, e.code(), LocaleContextHolder.getLocale()));
        }
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(SurveyApiController.FHIR_JSON))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("survey-answers-" + waveId + ".fhir.json").build().toString())
            .body(body);
    }

    record Answering(Campaign campaign, CampaignService.WaveRow wave, FormView form) {
    }

    record Ctx(String hospital, String rotation, String pgy) {
    }

    private Answering answering(CprUser user, UUID waveId) {
        Campaign c = campaigns.campaignOfWave(waveId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        CampaignService.WaveRow wave = campaigns.wave(waveId).orElseThrow();
        if (!c.launched() || campaigns.excluded(c.id(), user.personId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND);
        }
        if (!wave.openOn(LocalDate.now(clock))) {
            throw new ResponseStatusException(HttpStatus.GONE);
        }
        return new Answering(c, wave, scoring.form(scorer.version(c)));
    }

    private String render(Answering a, Map<String, String> answers, Map<String, String> errors, Ctx ctx, String key,
                          String message, Model model) {
        Map<String, String> itemErrors = new HashMap<>(errors);
        if (itemErrors.remove("answers") != null) {
            message = "survey.answers.required";
        }
        model.addAttribute("campaign", a.campaign());
        model.addAttribute("wave", a.wave());
        model.addAttribute("form", a.form());
        model.addAttribute("answers", answers);
        model.addAttribute("errors", itemErrors);
        model.addAttribute("ctx", ctx);
        model.addAttribute("idempotencyKey", key);
        model.addAttribute("message", message);
        model.addAttribute("hospitals", labels.hospitals());
        model.addAttribute("rotations", GroupLabels.ROTATIONS);
        model.addAttribute("pgyBands", GroupLabels.PGY_BANDS);
        model.addAttribute("anonymous", !a.campaign().privacyMode().identified());
        return "survey/answer";
    }

    /** Form fields a_<linkId> → typed answers (numbers for choice/integer/decimal, booleans, text). */
    private static Map<String, Object> answers(FormView form, MultiValueMap<String, String> params, Map<String, String> typed) {
        Map<String, Object> answers = new LinkedHashMap<>();
        for (FormView.Item item : form.items()) {
            String value = params.getFirst("a_" + item.linkId());
            if (item.display() || value == null || value.isBlank()) {
                continue;
            }
            typed.put(item.linkId(), value);
            switch (item.kind()) {
                case "BOOLEAN" -> answers.put(item.linkId(), Boolean.parseBoolean(value));
                case "CHOICE", "INTEGER", "DECIMAL" -> {
                    try {
                        answers.put(item.linkId(), new BigDecimal(value.trim()));
                    } catch (NumberFormatException e) {
                        answers.put(item.linkId(), value);
                    }
                }
                default -> answers.put(item.linkId(), value);
            }
        }
        return answers;
    }

    private Map<String, String> flatten(String canonical) {
        Map<String, String> out = new HashMap<>();
        try {
            JsonNode node = json.readTree(canonical);
            node.properties().forEach(e -> out.put(e.getKey(), e.getValue().isNumber()
                ? e.getValue().decimalValue().stripTrailingZeros().toPlainString() : e.getValue().asText()));
        } catch (IOException e) {
            return out;
        }
        return out;
    }

    private static String allowed(String value, List<String> allowed) {
        return value != null && allowed.contains(value) ? value : null;
    }

    // ---- facilitators --------------------------------------------------------------------------

    @GetMapping("/surveys/campaigns")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    String campaigns(Model model) {
        model.addAttribute("campaigns", campaigns.all());
        return "survey/campaigns";
    }

    @GetMapping("/surveys/campaigns/new")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    String newCampaign(@RequestParam(required = false) String questionnaire, Model model) {
        CampaignForm empty = CampaignForm.empty(LocalDate.now(clock));
        if (questionnaire != null) {
            empty = new CampaignForm("", "", questionnaire, empty.privacyMode(), 5, 10, "", List.of(), List.of(), List.of(),
                empty.schedule(), empty.opensOn(), 14, 4, null);
        }
        model.addAttribute("form", empty);
        return campaignForm(model);
    }

    @PostMapping("/surveys/campaigns")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    String create(@AuthenticationPrincipal CprUser user, @Valid @ModelAttribute("form") CampaignForm form,
                  BindingResult errors, Model model, HttpServletResponse response) {
        if (errors.getTarget() == null) {
            // a value no field of the page can produce (text in a number, an unknown choice): nothing to mark, so a 400
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST);
        }
        QuestionnaireVersion version = null;
        if (!errors.hasFieldErrors("questionnaire")) {
            version = published().stream().filter(v -> key(v).equals(form.questionnaire())).findFirst().orElse(null);
            if (version == null) {
                errors.rejectValue("questionnaire", "survey.form.questionnaire.required");
            }
        }
        if (form.schedule() != null && form.schedule() != Schedule.Kind.ONE_OFF && form.endsOn() == null) {
            errors.rejectValue("endsOn", "survey.form.endsOn.required");
        }
        if (form.endsOn() != null && form.opensOn() != null && form.endsOn().isBefore(form.opensOn())) {
            errors.rejectValue("endsOn", "survey.form.endsOn.beforeStart");
        }
        if (form.schedule() == Schedule.Kind.ROTATION && form.blockWeeks() == null) {
            errors.rejectValue("blockWeeks", "survey.form.blockWeeks");
        }
        if (form.hospital() != null && !form.hospital().isBlank()
            && labels.hospitals().stream().noneMatch(h -> h.code().equals(form.hospital()))) {
            errors.rejectValue("hospital", "survey.form.hospital.unknown");
        }
        if (errors.hasErrors()) {
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return campaignForm(model);
        }
        UUID id;
        try {
            id = campaigns.create(user.personId(), new CampaignService.Settings(form.title().strip(),
                blankToNull(form.description()), version.definitionId(), Integer.toString(version.number()),
                form.privacyMode(), form.minRespondents(), form.minComments(), blankToNull(form.hospital()),
                form.audience(), form.toSchedule()));
        } catch (CampaignInputCheck.Refused refused) {
            errors.rejectValue(refused.field(), refused.code());
            response.setStatus(HttpStatus.UNPROCESSABLE_CONTENT.value());
            return campaignForm(model);
        }
        return "redirect:/surveys/campaigns/" + id;
    }

    @GetMapping("/surveys/campaigns/{id}")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    String campaign(@PathVariable UUID id, Model model) {
        Campaign c = campaigns.find(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        record WaveView(CampaignService.WaveRow wave, InvitationService.Rate rate, boolean open) {
        }
        LocalDate today = LocalDate.now(clock);
        List<WaveView> waves = campaigns.waves(id).stream().map(w -> new WaveView(w,
            invitations.rates(w.id(), c.minRespondents()).get(0), w.openOn(today))).toList();
        model.addAttribute("campaign", c);
        model.addAttribute("waves", waves);
        model.addAttribute("planned", c.launched() ? List.of() : c.schedule().waves());
        model.addAttribute("audienceSize", c.audience().defined() ? audience.resolve(c.audience()).size() : null);
        model.addAttribute("unitNames", unitNames(c.audience()));
        model.addAttribute("hospitalName", c.hospital() == null ? null : labels.group(c.hospital()));
        return "survey/campaign";
    }

    @PostMapping("/surveys/campaigns/{id}/launch")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    String launch(@AuthenticationPrincipal CprUser user, @PathVariable UUID id, RedirectAttributes redirect) {
        try {
            campaigns.launch(user.personId(), id, audience);
            scheduler.run();
            redirect.addFlashAttribute("message", "survey.launched");
        } catch (SurveyConflictException e) {
            redirect.addFlashAttribute("message", e.code());
        }
        return "redirect:/surveys/campaigns/" + id;
    }

    @PostMapping("/surveys/waves/{waveId}/remind")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    String remind(@PathVariable UUID waveId, RedirectAttributes redirect) {
        Campaign c = campaigns.campaignOfWave(waveId).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND));
        int n = invitations.remind(waveId);
        redirect.addFlashAttribute("message", "survey.reminded");
        redirect.addFlashAttribute("messageArg", n);
        return "redirect:/surveys/campaigns/" + c.id();
    }

    @GetMapping("/surveys/waves/{waveId}/report")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN','ADMINISTRATOR','PROGRAM_DIRECTOR')")
    String report(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId, Model model) {
        WaveReportService.Report report = reportFor(user, waveId);
        model.addAttribute("report", report);
        model.addAttribute("rate", invitations.rates(waveId, report.campaign().minRespondents()).get(0));
        String hospital = report.campaign().hospital();
        model.addAttribute("hospitalUnit", hospital == null ? null : labels.hospitals().stream()
            .filter(h -> h.code().equals(hospital)).map(h -> h.id().value()).findFirst().orElse(null));
        return "survey/report";
    }

    @GetMapping("/surveys/waves/{waveId}/report.csv")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN','ADMINISTRATOR','PROGRAM_DIRECTOR')")
    ResponseEntity<byte[]> reportCsv(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) throws IOException {
        WaveReportService.Report report = reportFor(user, waveId);
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT.builder()
            .setHeader("measure", "group", "respondents", "mean", "sd", "positives", "percent_positive", "note").get())) {
            String measure = report.healthScreen() ? "positive_screens" : "score";
            for (WaveReportService.Row row : report.scores()) {
                if (row.result() instanceof Released r && r.statistic() instanceof Statistic.NumericSummary s) {
                    csv.printRecord(measure, CsvCells.safe(row.label()), r.respondents(), round(s.mean()),
                        round(s.standardDeviation()), "", "", "");
                } else if (row.result() instanceof Released r && r.statistic() instanceof Statistic.ScreenCount s) {
                    csv.printRecord(measure, CsvCells.safe(row.label()), r.respondents(), "", "", s.positives(),
                        round(s.percentage()), "");
                } else if (row.result() instanceof Suppressed s) {
                    csv.printRecord(measure, CsvCells.safe(row.label()), "", "", "", "", "",
                        messages.getMessage(s.messageKey(), s.messageArguments(), LocaleContextHolder.getLocale()));
                }
            }
        }
        return ResponseEntity.ok().contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
            .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"wave-report.csv\"")
            .body(out.toString().getBytes(StandardCharsets.UTF_8));
    }

    /** The report, or 404 for a wave that does not exist or is not this user's to see. */
    private WaveReportService.Report reportFor(CprUser user, UUID waveId) {
        try {
            return reports.report(user, waveId);
        } catch (SurveyConflictException e) {
            throw new ResponseStatusException(HttpStatus.valueOf(e.status()));
        }
    }

    private static String round(double v) {
        return BigDecimal.valueOf(v).setScale(2, java.math.RoundingMode.HALF_UP).toPlainString();
    }

    private String campaignForm(Model model) {
        model.addAttribute("questionnaires", published());
        model.addAttribute("units", identity.orgUnits());
        model.addAttribute("hospitals", labels.hospitals());
        model.addAttribute("traineeTypes", TraineeType.values());
        model.addAttribute("roles", Role.values());
        model.addAttribute("modes", org.cpr.survey.PrivacyMode.values());
        model.addAttribute("schedules", Schedule.Kind.values());
        return "survey/campaign-form";
    }

    private List<QuestionnaireVersion> published() {
        return library.published();
    }

    static String key(QuestionnaireVersion v) {
        return v.definitionId() + ":" + v.number();
    }

    private List<String> unitNames(Audience a) {
        return identity.orgUnits().stream().filter(u -> a.units().contains(u.id().value())).map(u -> u.name()).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static PersonId person(CprUser user) {
        return user.personId();
    }
}
