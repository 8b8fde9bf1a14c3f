package org.cpr.assistance.internal;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.cpr.assistance.Appointment;
import org.cpr.assistance.AssistanceRefused;
import org.cpr.assistance.AssistanceRefused.Reason;
import org.cpr.assistance.BookingSource;
import org.cpr.assistance.CareRecords;
import org.cpr.assistance.ClosureReason;
import org.cpr.assistance.Episode;
import org.cpr.assistance.EpisodeRecord;
import org.cpr.assistance.GlassBreak;
import org.cpr.assistance.Measure;
import org.cpr.assistance.Note;
import org.cpr.assistance.PersonalRecord;
import org.cpr.assistance.Referral;
import org.cpr.questionnaire.QuestionnaireLibrary;
import org.cpr.questionnaire.QuestionnaireVersion;
import org.cpr.questionnaire.ScoreResult;
import org.cpr.questionnaire.Scoring;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** {@link CareRecords} over the module's own stores: callers see only the interface. */
@Service("careRecords")
class CareRecordsService implements CareRecords {

	private final EpisodeStore episodes;

	private final RecordStore records;

	private final AppointmentStore appointments;

	private final ReferralStore referrals;

	private final EnvelopeCipher cipher;

	private final QuestionnaireLibrary library;

	private final Scoring scoring;

	private final AuditPort audit;

	private final Clock clock;

	private final ObjectMapper json = new ObjectMapper();

	CareRecordsService(EpisodeStore episodes, RecordStore records, AppointmentStore appointments,
			ReferralStore referrals, EnvelopeCipher cipher, QuestionnaireLibrary library, Scoring scoring,
			AuditPort audit, Clock clock) {
		this.episodes = episodes;
		this.records = records;
		this.appointments = appointments;
		this.referrals = referrals;
		this.cipher = cipher;
		this.library = library;
		this.scoring = scoring;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	@Transactional
	public Episode openOrJoin(PersonId person, PersonId clinician, BookingSource source, UUID alert,
			Instant requestedAt, PersonId by) {
		Optional<Episode> open = episodes.openOf(person);
		UUID id;
		if (open.isPresent()) {
			id = open.get().id();
		}
		else {
			id = UUID.randomUUID();
			episodes.insert(id, person, source, alert, requestedAt, clock.instant(), by, cipher.newWrappedKey(id));
			audit.record(AuditEntry.care(by, "ASSIST_EPISODE_OPENED", "assist_episode", id.toString())
				.about(person)
				.detail("source=" + source));
		}
		if (clinician != null) {
			episodes.addToTeam(id, clinician);
		}
		return episodes.find(id).orElseThrow();
	}

	@Override
	@Transactional
	public void joinTeam(UUID episode, PersonId clinician) {
		episodes.addToTeam(episode, clinician);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean treats(UUID episode, PersonId clinician) {
		return episodes.find(episode).map(e -> e.careTeam().contains(clinician)).orElse(false);
	}

	@Override
	@Transactional(readOnly = true)
	public boolean mayRead(UUID episode, PersonId clinician) {
		return treats(episode, clinician) || episodes.activeGrant(episode, clinician, clock.instant()).isPresent();
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Episode> find(UUID episode) {
		return episodes.find(episode);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<Episode> openOf(PersonId person) {
		return episodes.openOf(person);
	}

	@Override
	@Transactional
	public List<Episode> caseload(PersonId clinician) {
		List<Episode> mine = episodes.caseload(clinician);
		audit.record(AuditEntry.care(clinician, "ASSIST_CASELOAD_VIEWED", "assist_episode", null)
			.detail("count=" + mine.size()));
		return mine;
	}

	@Override
	@Transactional(readOnly = true)
	public List<Episode> episodesOf(PersonId person) {
		return episodes.ofPerson(person);
	}

	@Override
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public EpisodeRecord read(UUID id, PersonId clinician) {
		Episode e = readable(id, clinician, "ASSIST_EPISODE_VIEWED");
		boolean glass = !e.careTeam().contains(clinician);
		List<Note> notes = records.notes(id)
			.stream()
			.map(n -> new Note(n.id(), n.author(), n.writtenAt(), open(id, n.body(), "note:" + n.id())))
			.toList();
		List<Referral> refs = referrals.ofEpisode(id).stream().map(r -> withHandoff(r)).toList();
		List<Appointment> booked = appointments.ofEpisode(id);
		java.util.Map<UUID, String> reasons = new java.util.HashMap<>();
		for (Appointment a : booked) {
			appointments.sealedReason(a.id()).ifPresent(r -> reasons.put(a.id(), open(id, r, "reason:" + a.id())));
		}
		return new EpisodeRecord(e, booked, notes, measures(id), refs,
				records.steps(id)
					.stream()
					.map(s -> new EpisodeRecord.AcceptedStep(s.pathway(), s.step(), s.acceptedAt()))
					.toList(),
				episodes.grants(id), glass, reasons);
	}

	@Override
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public Note addNote(UUID id, PersonId author, String body) {
		if (body == null || body.isBlank() || body.length() > MAX_NOTE) {
			throw new AssistanceRefused(Reason.NOTE_REQUIRED);
		}
		Episode e = readable(id, author, "ASSIST_NOTE_WRITTEN");
		if (!e.open()) {
			throw new AssistanceRefused(Reason.EPISODE_CLOSED);
		}
		UUID noteId = UUID.randomUUID();
		Instant now = clock.instant();
		records.insertNote(noteId, id, author, now, seal(id, body.strip(), "note:" + noteId));
		return new Note(noteId, author, now, body.strip());
	}

	@Override
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public Measure recordMeasure(UUID id, PersonId by, String instrumentId, JsonNode answers) {
		Episode e = episodes.find(id).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_EPISODE));
		boolean self = e.person().equals(by);
		if (!self && !mayRead(id, by)) {
			throw new AssistanceRefused(Reason.NOT_TREATING);
		}
		if (!e.open()) {
			throw new AssistanceRefused(Reason.EPISODE_CLOSED);
		}
		QuestionnaireVersion version = library.latestPublished(instrumentId)
			.orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_STEP));
		ScoreResult result = scoring.score(version.id(), answers);
		UUID measureId = UUID.randomUUID();
		Instant now = clock.instant();
		Map<String, Object> values = json.convertValue(answers, new TypeReference<LinkedHashMap<String, Object>>() {
		});
		String sealed = seal(id, write(values), "measure:" + measureId);
		records.insertMeasure(measureId, id,
				new RecordStore.SealedMeasure(measureId, version.id(), version.definitionId(), version.number(), sealed,
						result.score(), result.band(), result.safety(), now, by));
		audit.record(
				(self ? AuditEntry.selfService(by, "ASSIST_MEASURE_RECORDED", "assist_measure", measureId.toString())
						: AuditEntry.care(by, "ASSIST_MEASURE_RECORDED", "assist_measure", measureId.toString())
							.about(e.person()))
					.detail(version.definitionId()));
		return new Measure(measureId, version.id(), version.definitionId(), version.number(), values, result.score(),
				result.band(), result.safety(), now, by);
	}

	@Override
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public void close(UUID id, PersonId clinician, ClosureReason reason) {
		Episode e = episodes.find(id).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_EPISODE));
		if (!e.careTeam().contains(clinician)) {
			throw new AssistanceRefused(Reason.NOT_TREATING);
		}
		if (!episodes.close(id, reason, clock.instant())) {
			throw new AssistanceRefused(Reason.EPISODE_CLOSED);
		}
		audit.record(AuditEntry.care(clinician, "ASSIST_EPISODE_CLOSED", "assist_episode", id.toString())
			.about(e.person())
			.detail(reason.name()));
	}

	@Override
	@Transactional(noRollbackFor = AssistanceRefused.class)
	public boolean acceptStep(UUID id, PersonId clinician, String pathway, String step) {
		Episode e = readable(id, clinician, "ASSIST_STEP_ACCEPTED");
		return records.acceptStep(e.id(), pathway, step, clinician, clock.instant());
	}

	@Override
	@Transactional
	public PersonalRecord personal(PersonId person) {
		List<Episode> mine = episodes.ofPerson(person);
		List<Measure> measures = new java.util.ArrayList<>();
		List<GlassBreak> grants = new java.util.ArrayList<>();
		List<Referral> refs = new java.util.ArrayList<>();
		for (Episode e : mine) {
			measures.addAll(measures(e.id()));
			grants.addAll(episodes.grants(e.id()));
			referrals.ofEpisode(e.id()).forEach(r -> refs.add(withHandoff(r)));
		}
		audit.record(AuditEntry.selfService(person, "ASSIST_OWN_RECORD_VIEWED", "assist_episode", null));
		return new PersonalRecord(mine, appointments.ofPerson(person), measures, refs, grants);
	}

	/** The episode's measures, answers unsealed (for readers already allowed). */
	List<Measure> measures(UUID id) {
		return records.measures(id)
			.stream()
			.map(m -> new Measure(m.id(), m.versionId(), m.instrumentId(), m.versionNumber(),
					read(open(id, m.answers(), "measure:" + m.id())), m.score(), m.band(), m.flagged(), m.takenAt(),
					m.enteredBy()))
			.toList();
	}

	Referral withHandoff(Referral r) {
		return new Referral(r.id(), r.episodeId(), r.person(), r.serviceId(),
				open(r.episodeId(), r.handoff(), "handoff:" + r.id()), r.consentAt(), r.status(), r.followUpOn(),
				r.createdBy(), r.createdAt(), r.updatedAt());
	}

	String seal(UUID episode, String text, String context) {
		String key = episodes.wrappedKey(episode).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_EPISODE));
		return cipher.seal(key, episode, text, context);
	}

	String open(UUID episode, String sealed, String context) {
		return cipher.open(episodes.wrappedKey(episode).orElseThrow(), episode, sealed, context);
	}

	/**
	 * The episode if the clinician may read it; audits the act (denied when not allowed).
	 */
	private Episode readable(UUID id, PersonId clinician, String action) {
		Episode e = episodes.find(id).orElseThrow(() -> new AssistanceRefused(Reason.UNKNOWN_EPISODE));
		boolean team = e.careTeam().contains(clinician);
		boolean glass = !team && episodes.activeGrant(id, clinician, clock.instant()).isPresent();
		audit.record(AuditEntry.care(clinician, action, "assist_episode", id.toString())
			.about(e.person())
			.detail(team ? "care-team" : glass ? "break-the-glass" : "no-access")
			.deniedUnless(team || glass));
		if (!team && !glass) {
			throw new AssistanceRefused(Reason.NOT_TREATING);
		}
		return e;
	}

	private String write(Map<String, Object> values) {
		try {
			return json.writeValueAsString(values);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("answers cannot be written", e);
		}
	}

	private Map<String, Object> read(String text) {
		try {
			return json.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() {
			});
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("stored answers cannot be read", e);
		}
	}

}
