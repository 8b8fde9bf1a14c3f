package org.cpr.survey.internal;

import java.net.URI;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.survey.PrivacyMode;
import org.springframework.context.MessageSource;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.*;

/** JSON API for campaigns (facilitators) and submissions (participants). */
@RestController
@RequestMapping("/api/v1/surveys")
class SurveyApiController {

    static final String FHIR_JSON = "application/fhir+json";

    record CampaignRequest(String title, String questionnaireId, String questionnaireVersion, PrivacyMode privacyMode,
                           Integer minRespondents, Integer minComments, String description, String hospital,
                           AudienceRequest audience, ScheduleRequest schedule) {
    }

    /** Org units (their subtrees) × trainee types × roles; empty lists match everyone. */
    record AudienceRequest(java.util.List<UUID> orgUnits, java.util.List<org.cpr.identity.TraineeType> traineeTypes,
                           java.util.List<org.cpr.shared.Role> roles) {
    }

    /** ONE_OFF, MONTHLY or ROTATION; waves are planned at launch. */
    record ScheduleRequest(Schedule.Kind kind, LocalDate firstOpensOn, Integer windowDays, Integer blockWeeks,
                           LocalDate endsOn) {
    }

    record PrivacyRequest(PrivacyMode privacyMode, Integer minRespondents, Integer minComments) {
    }

    record WaveRequest(String label, LocalDate opensOn, LocalDate closesOn) {
    }

    record SubmissionRequest(Map<String, Object> answers, Map<String, String> context) {
    }

    record RosterRequest(UUID personId, UUID orgUnitId) {
    }

    private final CampaignService campaigns;
    private final SubmissionService submissions;
    private final InvitationService invitations;
    private final WaveReportService reports;
    private final DraftService drafts;
    private final IdentityAudience people;
    private final WaveScheduler scheduler;
    private final AnswerExport exports;
    private final MessageSource messages;

    SurveyApiController(CampaignService campaigns, SubmissionService submissions, InvitationService invitations,
                        WaveReportService reports, DraftService drafts, IdentityAudience people, WaveScheduler scheduler,
                        AnswerExport exports, MessageSource messages) {
        this.exports = exports;
        this.messages = messages;
        this.people = people;
        this.scheduler = scheduler;
        this.drafts = drafts;
        this.campaigns = campaigns;
        this.submissions = submissions;
        this.invitations = invitations;
        this.reports = reports;
    }

    @GetMapping("/waves/{waveId}/report")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN','ADMINISTRATOR','PROGRAM_DIRECTOR')")
    java.util.List<WaveReportService.Cell> report(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
        return reports.meanScoreByHospital(user, waveId);
    }

    @PostMapping("/campaigns/{id}/roster")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    ResponseEntity<Void> roster(@PathVariable UUID id, @RequestBody RosterRequest r) {
        if (r.personId() == null) {
            throw new IllegalArgumentException("personId is required");
        }
        campaigns.addCheckedToRoster(id, new org.cpr.shared.PersonId(r.personId()), r.orgUnitId());
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/waves/{waveId}/invitations")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    Map<String, Object> invite(@PathVariable UUID waveId) {
        return Map.of("invited", invitations.invite(waveId));
    }

    @PostMapping("/waves/{waveId}/reminders")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    Map<String, Object> remind(@PathVariable UUID waveId) {
        return Map.of("reminded", invitations.remind(waveId));
    }

    @GetMapping("/waves/{waveId}/response-rate")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN','ADMINISTRATOR','PROGRAM_DIRECTOR')")
    java.util.List<InvitationService.Rate> rate(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
        return reports.rates(user, waveId);
    }

    @PostMapping("/campaigns")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CprUser user, @RequestBody CampaignRequest r) {
        if (r.title() == null || r.title().isBlank() || r.questionnaireId() == null || r.privacyMode() == null) {
            throw new IllegalArgumentException("title, questionnaireId and privacyMode are required");
        }
        if (r.title().length() > 200 || (r.description() != null && r.description().length() > 2000)
            || (r.hospital() != null && r.hospital().length() > 80) || r.questionnaireId().length() > 100
            || (r.questionnaireVersion() != null && r.questionnaireVersion().length() > 40)) {
            throw new IllegalArgumentException("title (200), description (2000), hospital (80) or questionnaire too long");
        }
        Audience audience = r.audience() == null ? Audience.NONE : new Audience(
            java.util.Set.copyOf(orEmpty(r.audience().orgUnits())), java.util.Set.copyOf(orEmpty(r.audience().traineeTypes())),
            java.util.Set.copyOf(orEmpty(r.audience().roles())));
        Schedule schedule = Schedule.oneOff(null, null);
        ScheduleRequest s = r.schedule();
        if (s != null) {
            int window = s.windowDays() == null ? 14 : s.windowDays();
            if (s.kind() == null || s.firstOpensOn() == null || window < 1 || window > 60
                || (s.kind() != Schedule.Kind.ONE_OFF && s.endsOn() == null)
                || (s.kind() == Schedule.Kind.ROTATION && (s.blockWeeks() == null || s.blockWeeks() < 1 || s.blockWeeks() > 26))) {
                throw new IllegalArgumentException("schedule needs kind, firstOpensOn, windowDays 1-60, endsOn for recurring"
                    + " schedules and blockWeeks 1-26 for rotation blocks");
            }
            schedule = new Schedule(s.kind(), s.firstOpensOn(), window,
                s.kind() == Schedule.Kind.ROTATION ? s.blockWeeks() : null,
                s.kind() == Schedule.Kind.ONE_OFF ? s.firstOpensOn().plusDays(window - 1L) : s.endsOn());
        }
        UUID id = campaigns.create(user.personId(), new CampaignService.Settings(r.title(), r.description(),
            r.questionnaireId(), r.questionnaireVersion() == null ? "1" : r.questionnaireVersion(), r.privacyMode(),
            orDefault(r.minRespondents(), CampaignService.MIN_RESPONDENTS), orDefault(r.minComments(), CampaignService.MIN_COMMENTS),
            r.hospital(), audience, schedule));
        return ResponseEntity.created(URI.create("/api/v1/surveys/campaigns/" + id)).body(Map.of("id", id));
    }

    @PostMapping("/campaigns/{id}/waves")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    ResponseEntity<Map<String, Object>> wave(@PathVariable UUID id, @RequestBody WaveRequest r) {
        UUID wave = campaigns.addWave(id, r.label() == null ? "wave" : r.label(), r.opensOn(), r.closesOn());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", wave));
    }

    @PostMapping("/campaigns/{id}/launch")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    ResponseEntity<Void> launch(@AuthenticationPrincipal CprUser user, @PathVariable UUID id) {
        campaigns.launch(user.personId(), id, people);
        scheduler.run();
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/campaigns/{id}/privacy")
    @PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
    ResponseEntity<Void> privacy(@AuthenticationPrincipal CprUser user, @PathVariable UUID id,
                                 @RequestBody PrivacyRequest r) {
        if (r.privacyMode() == null) {
            throw new IllegalArgumentException("privacyMode is required");
        }
        campaigns.changePrivacy(user.personId(), id, r.privacyMode(), orDefault(r.minRespondents(), CampaignService.MIN_RESPONDENTS),
            orDefault(r.minComments(), CampaignService.MIN_COMMENTS));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/waves/{waveId}/responses")
    ResponseEntity<Map<String, Object>> submit(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId,
                                               @RequestHeader(name = "Idempotency-Key", required = false) String key,
                                               @RequestBody SubmissionRequest r) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("Idempotency-Key header is required");
        }
        Map<String, String> ctx = r.context() == null ? Map.of() : r.context();
        SubmissionService.Outcome out = submissions.submit(waveId, user.personId(), key, r.answers(),
            new SubmissionService.Context(ctx.get("hospital"), ctx.get("rotation"), ctx.get("pgyLevel")));
        return ResponseEntity.status(out.replay() ? HttpStatus.OK : HttpStatus.CREATED)
            .body(Map.of("receipt", out.receipt(), "replay", out.replay()));
    }

    /**
     * The same submission as a FHIR R4 QuestionnaireResponse ({@code Content-Type: application/fhir+json});
     * the grouping context, which a QuestionnaireResponse does not carry, may come as query parameters.
     */
    @PostMapping(path = "/waves/{waveId}/responses", consumes = FHIR_JSON)
    ResponseEntity<Map<String, Object>> submitQuestionnaireResponse(
            @AuthenticationPrincipal CprUser user, @PathVariable UUID waveId,
            @RequestHeader(name = "Idempotency-Key", required = false) String key,
            @RequestParam(required = false) String hospital, @RequestParam(required = false) String rotation,
            @RequestParam(required = false) String pgyLevel, @RequestBody String questionnaireResponse) {
        if (key == null || key.isBlank() || key.length() > 200) {
            throw new IllegalArgumentException("Idempotency-Key header is required");
        }
        SubmissionService.Outcome out = submissions.submitResponse(waveId, user.personId(), key, questionnaireResponse,
            new SubmissionService.Context(hospital, rotation, pgyLevel));
        return ResponseEntity.status(out.replay() ? HttpStatus.OK : HttpStatus.CREATED)
            .body(Map.of("receipt", out.receipt(), "replay", out.replay()));
    }

    /**
     * The caller's own answer to an identified wave as a FHIR R4 QuestionnaireResponse. Anonymous
     * answers are linked to no one and cannot be given back (409).
     */
    @GetMapping("/waves/{waveId}/responses/mine")
    ResponseEntity<String> mine(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(FHIR_JSON))
            .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
                .filename("survey-answers-" + waveId + ".fhir.json").build().toString())
            .body(exports.mine(waveId, user.personId()));
    }

    @PutMapping("/waves/{waveId}/draft")
    ResponseEntity<Void> saveDraft(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId,
                                   @RequestBody SubmissionRequest r) {
        drafts.save(waveId, user.personId(), r.answers() == null ? Map.of() : r.answers());
        return ResponseEntity.noContent().build();
    }

    @GetMapping(path = "/waves/{waveId}/draft", produces = "application/json")
    ResponseEntity<String> loadDraft(@AuthenticationPrincipal CprUser user, @PathVariable UUID waveId) {
        return drafts.load(waveId, user.personId()).map(a -> ResponseEntity.ok("{\"answers\":" + a + "}"))
            .orElseThrow(() -> new SurveyConflictException(404, "survey.draft.none"));
    }

    @ExceptionHandler(SurveyConflictException.class)
    ResponseEntity<ProblemDetail> conflict(SurveyConflictException e, Locale locale) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.valueOf(e.status()),
            messages.getMessage(e.code(), null, e.code(), locale));
        pd.setProperty("code", e.code());
        return ResponseEntity.status(e.status()).body(pd);
    }

    @ExceptionHandler(InvalidAnswersException.class)
    ResponseEntity<ProblemDetail> invalid(InvalidAnswersException e) {
        ProblemDetail pd = ProblemDetail.forStatusAndDetail(HttpStatus.UNPROCESSABLE_CONTENT, "Some answers are invalid");
        pd.setProperty("errors", e.errors());
        return ResponseEntity.unprocessableContent().body(pd);
    }

    @ExceptionHandler(IllegalArgumentException.class)
    ResponseEntity<ProblemDetail> bad(IllegalArgumentException e) {
        return ResponseEntity.badRequest().body(ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST, e.getMessage()));
    }

    private static <T> java.util.List<T> orEmpty(java.util.List<T> list) {
        return list == null ? java.util.List.of() : list.stream().filter(java.util.Objects::nonNull).toList();
    }

    private static int orDefault(Integer i, int fallback) {
        return i == null ? fallback : i;
    }
}
