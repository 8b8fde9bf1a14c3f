package org.cpr.safety.internal;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.safety.ContactMessages;
import org.cpr.safety.RepliesWaiting;
import org.cpr.safety.SafetyAlerts;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.cpr.shared.SecretBox;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Contact threads as sealed messages in SQL; replies waiting tracked by
 * {@link RepliesWaiting}.
 */
@Service("contactMessages")
class ContactMessageService implements ContactMessages {

	private final JdbcClient jdbc;

	private final SecretBox box;

	private final ApplicationEventPublisher events;

	private final RepliesWaiting replies;

	private final AuditPort audit;

	private final Clock clock;

	ContactMessageService(JdbcClient jdbc, SecretBox box, ApplicationEventPublisher events, RepliesWaiting replies,
			AuditPort audit, Clock clock) {
		this.jdbc = jdbc;
		this.box = box;
		this.events = events;
		this.replies = replies;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The thread of an alert, for the clinician's alert page. The caller has just opened
	 * the alert through {@link SafetyAlerts#open}, whose audit row covers this read (one
	 * row per view).
	 */
	@Transactional(readOnly = true)
	public List<Message> thread(UUID alertId) {
		return jdbc
			.sql("SELECT author, body_sealed, sent_at FROM safety_contact_message WHERE alert_id = ? ORDER BY seq")
			.param(alertId)
			.query((rs, n) -> new Message(Author.valueOf(rs.getString(1)), box.open(rs.getString(2), context(alertId)),
					rs.getTimestamp(3).toInstant()))
			.list();
	}

	@Override
	@Transactional
	public void threadRead(UUID alertId) {
		replies.read(List.of(alertId));
	}

	@Override
	@Transactional
	public boolean clinicianReplies(UUID alertId, PersonId clinician, String body) {
		Optional<UUID> person = jdbc.sql("SELECT person_id FROM safety_alert WHERE id = ? AND person_id IS NOT NULL")
			.param(alertId)
			.query(UUID.class)
			.optional();
		person.ifPresent(p -> {
			add(alertId, Author.CLINICIAN, clinician, body);
			events.publishEvent(new ContactReplyPosted(alertId, new PersonId(p)));
		});
		audit.record(AuditEntry.care(clinician, "SAFETY_CONTACT_REPLIED", "safety_alert", alertId.toString())
			.about(person.map(PersonId::new).orElse(null))
			.failedUnless(person.isPresent()));
		return person.isPresent();
	}

	/**
	 * The person's own thread for the concern they raised from
	 * {@code sourceType}/{@code sourceId}; empty if not theirs.
	 */
	@Transactional(readOnly = true)
	public List<Message> threadOf(String sourceType, String sourceId, PersonId person) {
		return ownAlert(sourceType, sourceId, person).map(this::thread).orElse(List.of());
	}

	/**
	 * Every non-empty thread of this person's concerns from {@code sourceType}, by source
	 * id, oldest first.
	 */
	@Transactional(readOnly = true)
	public Map<String, List<Message>> threadsOf(String sourceType, PersonId person) {
		Map<String, List<Message>> threads = new LinkedHashMap<>();
		jdbc.sql("""
				SELECT a.id, a.source_id FROM safety_alert a WHERE a.source_type = ? AND a.person_id = ?
				AND EXISTS (SELECT 1 FROM safety_contact_message m WHERE m.alert_id = a.id) ORDER BY a.raised_at""")
			.params(sourceType, person.value())
			.query((rs, n) -> Map.entry(rs.getObject(1, UUID.class), rs.getString(2)))
			.list()
			.forEach(e -> threads.put(e.getValue(), thread(e.getKey())));
		return threads;
	}

	@Override
	@Transactional
	public boolean personAnswers(String sourceType, String sourceId, PersonId person, String body) {
		Optional<UUID> alert = ownAlert(sourceType, sourceId, person).filter(id -> !thread(id).isEmpty());
		alert.ifPresent(id -> {
			add(id, Author.PERSON, person, body);
			replies.personReplied(id);
		});
		audit.record(AuditEntry
			.care(person, "SAFETY_CONTACT_ANSWERED", "safety_alert", alert.map(UUID::toString).orElse(null))
			.about(person)
			.failedUnless(alert.isPresent()));
		return alert.isPresent();
	}

	private Optional<UUID> ownAlert(String sourceType, String sourceId, PersonId person) {
		return jdbc.sql("SELECT id FROM safety_alert WHERE source_type = ? AND source_id = ? AND person_id = ?")
			.params(sourceType, sourceId, person.value())
			.query(UUID.class)
			.optional();
	}

	private void add(UUID alertId, Author author, PersonId who, String body) {
		String text = body.strip();
		if (text.isEmpty() || text.length() > MAX_LENGTH) {
			throw new IllegalArgumentException("message must be 1.." + MAX_LENGTH + " characters");
		}
		int seq = jdbc.sql("SELECT COALESCE(MAX(seq), 0) + 1 FROM safety_contact_message WHERE alert_id = ?")
			.param(alertId)
			.query(Integer.class)
			.single();
		jdbc.sql(
				"INSERT INTO safety_contact_message (id, alert_id, seq, author, author_id, body_sealed, sent_at) VALUES (?, ?, ?, ?, ?, ?, ?)")
			.params(UUID.randomUUID(), alertId, seq, author.name(), who.value(), box.seal(text, context(alertId)),
					Timestamp.from(clock.instant()))
			.update();
	}

	private static String context(UUID alertId) {
		return "contact-message:" + alertId;
	}

}
