package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import org.cpr.assistance.AssistanceRefused;
import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.Episode;
import org.cpr.assistance.Referral;
import org.cpr.assistance.ReferralStatus;
import org.cpr.assistance.Referrals;
import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link Referrals} over the module's own stores: callers see only the interface. */
@Service("referrals")
class ReferralsService implements Referrals {

	private final ReferralStore store;

	private final CareRecordsService records;

	private final ServiceDirectory directory;

	private final AuditPort audit;

	private final Clock clock;

	private final int followUpDays;

	ReferralsService(ReferralStore store, CareRecordsService records, ServiceDirectory directory, AuditPort audit,
			Clock clock, @Value("${cpr.assistance.referral-follow-up-days:14}") int followUpDays) {
		this.store = store;
		this.records = records;
		this.directory = directory;
		this.audit = audit;
		this.clock = clock;
		this.followUpDays = followUpDays;
	}

	@Override
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public Referral refer(UUID episode, PersonId clinician, UUID service, String handoff, boolean consent) {
		if (!consent) {
			throw new AssistanceRefused(Reason.CONSENT_REQUIRED);
		}
		if (handoff == null || handoff.isBlank() || handoff.length() > MAX_HANDOFF) {
			throw new AssistanceRefused(Reason.HANDOFF_REQUIRED);
		}
		ServiceEntry entry = service == null ? null : directory.find(service).filter(s -> !s.retired()).orElse(null);
		if (entry == null) {
			throw new AssistanceRefused(Reason.UNKNOWN_SERVICE);
		}
		Episode e = records.find(episode).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_EPISODE));
		if (!records.mayRead(episode, clinician)) {
			audit.record(AuditEntry.care(clinician, "ASSIST_REFERRAL_CREATED", "assist_episode", episode.toString())
				.about(e.person())
				.outcome(AuditEntry.Outcome.DENIED));
			throw new AssistanceRefused(Reason.NOT_TREATING);
		}
		if (!e.open()) {
			throw new AssistanceRefused(Reason.EPISODE_CLOSED);
		}
		Instant now = clock.instant();
		UUID id = UUID.randomUUID();
		Referral referral = new Referral(id, episode, e.person(), entry.id(),
				records.seal(episode, handoff.strip(), "handoff:" + id), now, ReferralStatus.REFERRED,
				today().plusDays(followUpDays), clinician, now, now);
		store.insert(referral);
		audit.record(AuditEntry.care(clinician, "ASSIST_REFERRAL_CREATED", "assist_referral", id.toString())
			.about(e.person())
			.detail("category=" + entry.category()));
		return records.withHandoff(referral);
	}

	@Override
	@Transactional
	public void update(UUID referral, PersonId clinician, ReferralStatus status) {
		Referral r = store.find(referral).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_REFERRAL));
		if (!records.mayRead(r.episodeId(), clinician)) {
			throw new AssistanceRefused(Reason.NOT_TREATING);
		}
		if (status == null || !r.status().next().contains(status)) {
			throw new AssistanceRefused(Reason.STATUS_NOT_ALLOWED);
		}
		store.status(referral, status, today().plusDays(followUpDays), clock.instant());
		audit.record(AuditEntry.care(clinician, "ASSIST_REFERRAL_UPDATED", "assist_referral", referral.toString())
			.about(r.person())
			.detail(status.name()));
	}

	@Override
	@Transactional(readOnly = true)
	public List<Referral> ofPerson(PersonId person) {
		return store.ofPerson(person).stream().map(records::withHandoff).toList();
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

}
