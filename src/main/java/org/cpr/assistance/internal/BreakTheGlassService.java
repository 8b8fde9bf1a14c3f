package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;

import org.cpr.assistance.AssistanceRefused;
import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.BreakTheGlass;
import org.cpr.assistance.Episode;
import org.cpr.assistance.GlassBreak;
import org.cpr.assistance.GlassBroken;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link BreakTheGlass} over the module's own stores: callers see only the interface. */
@Service("breakTheGlass")
class BreakTheGlassService implements BreakTheGlass {

	private final EpisodeStore episodes;

	private final Reauthentication reauthentication;

	private final CareRecordsService records;

	private final AuditPort audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration lasts;

	BreakTheGlassService(EpisodeStore episodes, Reauthentication reauthentication, CareRecordsService records,
			AuditPort audit, ApplicationEventPublisher events, Clock clock,
			@Value("${cpr.assistance.glass-break-hours:24}") int hours) {
		this.episodes = episodes;
		this.reauthentication = reauthentication;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.lasts = Duration.ofHours(hours);
	}

	@Override
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public GlassBreak breakGlass(UUID episode, PersonId clinician, String username, Set<Role> roles, String password,
			String code, String reason) {
		Episode e = episodes.find(episode).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_EPISODE));
		Reason refusal = !BreakTheGlass.allowed(roles) ? Reason.ROLE_CANNOT_BREAK_GLASS
				: reason == null || reason.isBlank() ? Reason.REASON_REQUIRED
						: e.careTeam().contains(clinician) ? Reason.ALREADY_TREATING
								: !reauthentication.confirm(clinician, username, password, code)
										? Reason.REAUTHENTICATION_FAILED : null;
		AuditEntry entry = AuditEntry.care(clinician, "ASSIST_BREAK_THE_GLASS", "assist_episode", episode.toString())
			.about(e.person());
		if (refusal != null) {
			audit.record(entry.detail("refused=" + refusal).outcome(AuditEntry.Outcome.DENIED));
			throw new AssistanceRefused(refusal);
		}
		Instant now = clock.instant();
		GlassBreak grant = new GlassBreak(UUID.randomUUID(), episode, clinician, now, now.plus(lasts));
		String text = reason.strip();
		episodes.grant(grant, records.seal(episode, text.length() > MAX_REASON ? text.substring(0, MAX_REASON) : text,
				"glass:" + grant.id()));
		audit.record(entry.detail("hours=" + lasts.toHours()));
		events.publishEvent(new GlassBroken(grant.id(), episode));
		return grant;
	}

}
