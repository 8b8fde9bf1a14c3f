package org.cpr.survey;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.cpr.identity.CprUser;
import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * JSON API for facilitators: campaigns, their waves, roster, launch, privacy, invitations
 * and reminders.
 */
@RestController
@RequestMapping("/api/v1/surveys")
@PreAuthorize("hasAnyRole('FACILITATOR','SYSTEM_ADMIN')")
class SurveyCampaignApiController extends SurveyApiErrors {

	record CampaignRequest(String title, String questionnaireId, String questionnaireVersion, PrivacyMode privacyMode,
			Integer minRespondents, Integer minComments, String description, String hospital, AudienceRequest audience,
			ScheduleRequest schedule) {
	}

	/** Org units (their subtrees) × trainee types × roles; empty lists match everyone. */
	record AudienceRequest(List<UUID> orgUnits, List<TraineeType> traineeTypes, List<Role> roles) {
	}

	/** ONE_OFF, MONTHLY or ROTATION; waves are planned at launch. */
	record ScheduleRequest(Schedule.Kind kind, LocalDate firstOpensOn, Integer windowDays, Integer blockWeeks,
			LocalDate endsOn) {
	}

	record PrivacyRequest(PrivacyMode privacyMode, Integer minRespondents, Integer minComments) {
	}

	record WaveRequest(String label, LocalDate opensOn, LocalDate closesOn) {
	}

	record RosterRequest(UUID personId, UUID orgUnitId) {
	}

	private final SurveyCampaigns campaigns;

	SurveyCampaignApiController(SurveyCampaigns campaigns, MessageSource messages) {
		super(messages);
		this.campaigns = campaigns;
	}

	@Operation(summary = "Add a person to a campaign roster")
	@PostMapping("/campaigns/{id}/roster")
	ResponseEntity<Void> roster(@PathVariable UUID id, @RequestBody RosterRequest r) {
		if (r.personId() == null) {
			throw new IllegalArgumentException("personId is required");
		}
		campaigns.addToRoster(id, new PersonId(r.personId()), r.orgUnitId());
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Invite a wave's roster")
	@PostMapping("/waves/{waveId}/invitations")
	Map<String, Object> invite(@PathVariable UUID waveId) {
		return Map.of("invited", campaigns.invite(waveId));
	}

	@Operation(summary = "Remind those who have not answered a wave")
	@PostMapping("/waves/{waveId}/reminders")
	Map<String, Object> remind(@PathVariable UUID waveId) {
		return Map.of("reminded", campaigns.remind(waveId));
	}

	@Operation(summary = "Create a survey campaign")
	@PostMapping("/campaigns")
	ResponseEntity<Map<String, Object>> create(@AuthenticationPrincipal CprUser user, @RequestBody CampaignRequest r) {
		if (r.title() == null || r.title().isBlank() || r.questionnaireId() == null || r.privacyMode() == null) {
			throw new IllegalArgumentException("title, questionnaireId and privacyMode are required");
		}
		if (r.title().length() > 200 || (r.description() != null && r.description().length() > 2000)
				|| (r.hospital() != null && r.hospital().length() > 80) || r.questionnaireId().length() > 100
				|| (r.questionnaireVersion() != null && r.questionnaireVersion().length() > 40)) {
			throw new IllegalArgumentException(
					"title (200), description (2000), hospital (80) or questionnaire too long");
		}
		Audience audience = r.audience() == null ? Audience.NONE
				: new Audience(Set.copyOf(orEmpty(r.audience().orgUnits())),
						Set.copyOf(orEmpty(r.audience().traineeTypes())), Set.copyOf(orEmpty(r.audience().roles())));
		Schedule schedule = Schedule.oneOff(null, null);
		ScheduleRequest s = r.schedule();
		if (s != null) {
			int window = s.windowDays() == null ? 14 : s.windowDays();
			if (s.kind() == null || s.firstOpensOn() == null || window < 1 || window > 60
					|| (s.kind() != Schedule.Kind.ONE_OFF && s.endsOn() == null) || (s.kind() == Schedule.Kind.ROTATION
							&& (s.blockWeeks() == null || s.blockWeeks() < 1 || s.blockWeeks() > 26))) {
				throw new IllegalArgumentException(
						"schedule needs kind, firstOpensOn, windowDays 1-60, endsOn for recurring"
								+ " schedules and blockWeeks 1-26 for rotation blocks");
			}
			schedule = new Schedule(s.kind(), s.firstOpensOn(), window,
					s.kind() == Schedule.Kind.ROTATION ? s.blockWeeks() : null,
					s.kind() == Schedule.Kind.ONE_OFF ? s.firstOpensOn().plusDays(window - 1L) : s.endsOn());
		}
		UUID id = campaigns.create(user.personId(),
				new CampaignSettings(r.title(), r.description(), r.questionnaireId(),
						r.questionnaireVersion() == null ? "1" : r.questionnaireVersion(), r.privacyMode(),
						orDefault(r.minRespondents(), CampaignSettings.MIN_RESPONDENTS),
						orDefault(r.minComments(), CampaignSettings.MIN_COMMENTS), r.hospital(), audience, schedule));
		return ResponseEntity.created(URI.create("/api/v1/surveys/campaigns/" + id)).body(Map.of("id", id));
	}

	@Operation(summary = "Add a wave to a campaign")
	@PostMapping("/campaigns/{id}/waves")
	ResponseEntity<Map<String, Object>> wave(@PathVariable UUID id, @RequestBody WaveRequest r) {
		UUID wave = campaigns.addWave(id, r.label() == null ? "wave" : r.label(), r.opensOn(), r.closesOn());
		return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", wave));
	}

	@Operation(summary = "Launch a campaign")
	@PostMapping("/campaigns/{id}/launch")
	ResponseEntity<Void> launch(@AuthenticationPrincipal CprUser user, @PathVariable UUID id) {
		campaigns.launch(user.personId(), id);
		return ResponseEntity.noContent().build();
	}

	@Operation(summary = "Change a campaign's privacy mode before launch")
	@PutMapping("/campaigns/{id}/privacy")
	ResponseEntity<Void> privacy(@AuthenticationPrincipal CprUser user, @PathVariable UUID id,
			@RequestBody PrivacyRequest r) {
		if (r.privacyMode() == null) {
			throw new IllegalArgumentException("privacyMode is required");
		}
		campaigns.changePrivacy(user.personId(), id, r.privacyMode(),
				orDefault(r.minRespondents(), CampaignSettings.MIN_RESPONDENTS),
				orDefault(r.minComments(), CampaignSettings.MIN_COMMENTS));
		return ResponseEntity.noContent().build();
	}

	private static <T> List<T> orEmpty(List<T> list) {
		return list == null ? List.of() : list.stream().filter(Objects::nonNull).toList();
	}

	private static int orDefault(Integer i, int fallback) {
		return i == null ? fallback : i;
	}

}
