package org.cpr.questionnaire;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.hl7.fhir.r4.model.Enumerations;
import org.hl7.fhir.r4.model.Questionnaire;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The versioned questionnaire library. Importing a definition that exists creates its
 * next version; a published version is never changed again, so a response always points
 * at exactly what was asked.
 */
@Service
public class QuestionnaireLibrary {

	private final JdbcClient jdbc;

	private final FhirSupport fhir;

	private final AuditPort audit;

	private final Clock clock;

	QuestionnaireLibrary(JdbcClient jdbc, FhirSupport fhir, AuditPort audit, Clock clock) {
		this.jdbc = jdbc;
		this.fhir = fhir;
		this.audit = audit;
		this.clock = clock;
	}

	/** The newest published version of every definition. */
	@Transactional(readOnly = true)
	public List<QuestionnaireVersion> published() {
		return jdbc
			.sql("""
					SELECT v.id, v.definition_id, v.version_number, d.title, v.status, v.published_at
					FROM questionnaire_version v JOIN questionnaire_definition d ON d.id = v.definition_id
					WHERE v.status = 'PUBLISHED' AND v.version_number = (SELECT MAX(w.version_number) FROM questionnaire_version w
					    WHERE w.definition_id = v.definition_id AND w.status = 'PUBLISHED')
					ORDER BY d.title""")
			.query(QuestionnaireLibrary::row)
			.list();
	}

	@Transactional(readOnly = true)
	public Optional<QuestionnaireVersion> latestPublished(String definitionId) {
		return published().stream().filter(v -> v.definitionId().equals(definitionId)).findFirst();
	}

	@Transactional(readOnly = true)
	public Optional<QuestionnaireVersion> version(UUID id) {
		return jdbc
			.sql("""
					SELECT v.id, v.definition_id, v.version_number, d.title, v.status, v.published_at
					FROM questionnaire_version v JOIN questionnaire_definition d ON d.id = v.definition_id WHERE v.id = ?""")
			.param(id)
			.query(QuestionnaireLibrary::row)
			.optional();
	}

	@Transactional(readOnly = true)
	public List<QuestionnaireVersion> versions(String definitionId) {
		return jdbc.sql("""
				SELECT v.id, v.definition_id, v.version_number, d.title, v.status, v.published_at
				FROM questionnaire_version v JOIN questionnaire_definition d ON d.id = v.definition_id
				WHERE v.definition_id = ? ORDER BY v.version_number""")
			.param(definitionId)
			.query(QuestionnaireLibrary::row)
			.list();
	}

	/** The version's FHIR JSON, exactly as stored. */
	@Transactional(readOnly = true)
	public String fhirJson(UUID versionId) {
		return jdbc.sql("SELECT fhir_json FROM questionnaire_version WHERE id = ?")
			.param(versionId)
			.query(String.class)
			.single();
	}

	/**
	 * Imports a FHIR Questionnaire: its {@code id} (or {@code name}) names the
	 * definition. Returns the new version. Scoring specs naming items the questionnaire
	 * does not have are refused.
	 */
	@Transactional
	public QuestionnaireVersion importFhir(String body, boolean publish, boolean shipped, PersonId by) {
		Questionnaire q = fhir.questionnaire(body);
		String id = q.hasIdElement() && q.getIdElement().hasIdPart() ? q.getIdElement().getIdPart() : q.getName();
		if (id == null || !id.matches("[a-z0-9][a-z0-9-]{0,63}")) {
			throw new IllegalArgumentException(
					"the Questionnaire needs an id of lower-case letters, digits and dashes");
		}
		if (q.getTitle() == null || q.getTitle().isBlank()) {
			throw new IllegalArgumentException("the Questionnaire needs a title");
		}
		validateScoring(q);
		if (jdbc.sql("SELECT COUNT(*) FROM questionnaire_definition WHERE id = ?")
			.param(id)
			.query(Integer.class)
			.single() == 0) {
			jdbc.sql("INSERT INTO questionnaire_definition (id, title, shipped, created_at) VALUES (?, ?, ?, ?)")
				.params(id, q.getTitle(), shipped, Timestamp.from(clock.instant()))
				.update();
		}
		int next = jdbc
			.sql("SELECT COALESCE(MAX(version_number), 0) + 1 FROM questionnaire_version WHERE definition_id = ?")
			.param(id)
			.query(Integer.class)
			.single();
		q.setVersion(Integer.toString(next));
		q.setStatus(publish ? Enumerations.PublicationStatus.ACTIVE : Enumerations.PublicationStatus.DRAFT);
		UUID versionId = UUID.randomUUID();
		jdbc.sql(
				"""
						INSERT INTO questionnaire_version (id, definition_id, version_number, status, fhir_json, created_at, published_at)
						VALUES (?, ?, ?, ?, ?, ?, ?)""")
			.params(versionId, id, next, publish ? "PUBLISHED" : "DRAFT", fhir.write(q),
					Timestamp.from(clock.instant()), publish ? Timestamp.from(clock.instant()) : null)
			.update();
		audit.record(AuditEntry.success(by, "QUESTIONNAIRE_IMPORTED", "questionnaire_version", versionId.toString()));
		return version(versionId).orElseThrow();
	}

	/** Publishes a draft; a published version stays as it is. */
	@Transactional
	public boolean publish(UUID versionId, PersonId by) {
		String json = fhirJson(versionId);
		Questionnaire q = fhir.questionnaire(json);
		q.setStatus(Enumerations.PublicationStatus.ACTIVE);
		int changed = jdbc.sql(
				"UPDATE questionnaire_version SET status = 'PUBLISHED', published_at = ?, fhir_json = ? WHERE id = ? AND status = 'DRAFT'")
			.params(Timestamp.from(clock.instant()), fhir.write(q), versionId)
			.update();
		if (changed == 1) {
			audit.record(
					AuditEntry.success(by, "QUESTIONNAIRE_PUBLISHED", "questionnaire_version", versionId.toString()));
		}
		return changed == 1;
	}

	private void validateScoring(Questionnaire q) {
		ScoringSpec spec = fhir.scoring(q);
		QuestionnaireModel model = QuestionnaireModel.of(q);
		for (String item : spec.items()) {
			if (!model.items().containsKey(item)) {
				throw new IllegalArgumentException(
						"the scoring specification names item " + item + ", which the Questionnaire does not have");
			}
		}
		spec.subscales().values().forEach(s -> s.items().forEach(item -> {
			if (!model.items().containsKey(item)) {
				throw new IllegalArgumentException(
						"a subscale names item " + item + ", which the Questionnaire does not have");
			}
		}));
	}

	private static QuestionnaireVersion row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
		Timestamp published = rs.getTimestamp(6);
		return new QuestionnaireVersion(rs.getObject(1, UUID.class), rs.getString(2), rs.getInt(3), rs.getString(4),
				"PUBLISHED".equals(rs.getString(5)), published == null ? null : published.toInstant());
	}

}
