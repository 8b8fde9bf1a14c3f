package org.cpr.assistance;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumSet;
import java.util.Set;
import java.util.UUID;

import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.internal.EpisodeStore;
import org.cpr.assistance.internal.Reauthentication;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.Role;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Emergency access to an episode by a resilience clinician outside its care team: they
 * sign in again (password, plus TOTP when enrolled) and state a reason; access lasts
 * {@code cpr.assistance.glass-break-hours} (24 by default), is audited about the person
 * (so it shows in their access log), and the privacy officer and the treating clinicians
 * are told at once ({@link GlassBroken}). Anyone who also holds a leadership or
 * administrator role can never break the glass, whatever else they hold.
 */
@Service
public class BreakTheGlass {

	/** Roles that may never break the glass. */
	public static final Set<Role> NEVER = EnumSet.of(Role.PROGRAM_DIRECTOR, Role.ADMINISTRATOR, Role.SYSTEM_ADMIN);

	/** Longest stated reason. */
	public static final int MAX_REASON = 1000;

	private final EpisodeStore episodes;

	private final Reauthentication reauthentication;

	private final CareRecords records;

	private final AuditPort audit;

	private final ApplicationEventPublisher events;

	private final Clock clock;

	private final Duration lasts;

	BreakTheGlass(EpisodeStore episodes, Reauthentication reauthentication, CareRecords records, AuditPort audit,
			ApplicationEventPublisher events, Clock clock, @Value("${cpr.assistance.glass-break-hours:24}") int hours) {
		this.episodes = episodes;
		this.reauthentication = reauthentication;
		this.records = records;
		this.audit = audit;
		this.events = events;
		this.clock = clock;
		this.lasts = Duration.ofHours(hours);
	}

	/** Whether someone holding {@code roles} may ever break the glass. */
	public static boolean allowed(Set<Role> roles) {
		return roles.contains(Role.RESILIENCE_CLINICIAN) && roles.stream().noneMatch(NEVER::contains);
	}

	/**
	 * Grants the clinician access to the episode until now + the configured hours.
	 * @throws AssistanceRefused ROLE_CANNOT_BREAK_GLASS, REASON_REQUIRED,
	 * UNKNOWN_EPISODE, ALREADY_TREATING or REAUTHENTICATION_FAILED; each refusal is
	 * audited and nothing is granted
	 */
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public GlassBreak breakGlass(UUID episode, PersonId clinician, String username, Set<Role> roles, String password,
			String code, String reason) {
		Episode e = episodes.find(episode).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_EPISODE));
		Reason refusal = !allowed(roles) ? Reason.ROLE_CANNOT_BREAK_GLASS
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
