package org.cpr.questionnaire;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * Drafts as the builder edits them: a draft version is rewritten in place until it is
 * published; saving over a published version stores the edit as the definition's next
 * draft version instead, so a published version never changes and nothing typed is lost.
 */
@Service
public class QuestionnaireDrafts {

	private final JdbcClient jdbc;

	private final FhirSupport fhir;

	private final QuestionnaireLibrary library;

	private final AuditPort audit;

	private final Clock clock;

	QuestionnaireDrafts(JdbcClient jdbc, FhirSupport fhir, QuestionnaireLibrary library, AuditPort audit, Clock clock) {
		this.jdbc = jdbc;
		this.fhir = fhir;
		this.library = library;
		this.audit = audit;
		this.clock = clock;
	}

	@Transactional(readOnly = true)
	public boolean exists(String definitionId) {
		return jdbc.sql("SELECT COUNT(*) FROM questionnaire_definition WHERE id = ?")
			.param(definitionId)
			.query(Integer.class)
			.single() > 0;
	}

	@Transactional(readOnly = true)
	public boolean shipped(String definitionId) {
		return jdbc.sql("SELECT COUNT(*) FROM questionnaire_definition WHERE id = ? AND shipped")
			.param(definitionId)
			.query(Integer.class)
			.single() > 0;
	}

	/** Creates a definition with an empty first draft; false when the id is taken. */
	@Transactional
	public boolean create(String definitionId, String title, PersonId by) {
		if (exists(definitionId)) {
			return false;
		}
		Questionnaire q = new Questionnaire();
		q.setId(definitionId);
		q.setTitle(title);
		q.setStatus(Enumerations.PublicationStatus.DRAFT);
		importDraft(fhir.write(q), by);
		return true;
	}

	/** Imports a FHIR Questionnaire as a new draft version and records who brought it. */
	@Transactional
	public QuestionnaireVersion importDraft(String json, PersonId by) {
		QuestionnaireVersion version = library.importFhir(json, false, false, by);
		if (by != null) {
			jdbc.sql("UPDATE questionnaire_definition SET created_by = ? WHERE id = ? AND created_by IS NULL")
				.params(by.value(), version.definitionId())
				.update();
		}
		return version;
	}

	/**
	 * Stores the builder's Questionnaire for {@code versionId}: in place while it is a
	 * draft, else as the next version (a draft). Returns the version that now holds it.
	 */
	@Transactional
	public UUID save(QuestionnaireVersion version, Questionnaire q, PersonId by) {
		q.setStatus(Enumerations.PublicationStatus.DRAFT);
		q.setVersion(Integer.toString(version.number()));
		int changed = jdbc.sql("UPDATE questionnaire_version SET fhir_json = ? WHERE id = ? AND status = 'DRAFT'")
			.params(fhir.write(q), version.id())
			.update();
		UUID saved = version.id();
		if (changed == 0) {
			saved = nextDraft(version.definitionId(), q, by);
		}
		if (library.versions(version.definitionId()).stream().noneMatch(QuestionnaireVersion::published)) {
			jdbc.sql("UPDATE questionnaire_definition SET title = ? WHERE id = ?")
				.params(q.getTitle(), version.definitionId())
				.update();
		}
		audit.record(AuditEntry.success(by, "QUESTIONNAIRE_DRAFT_SAVED", "questionnaire_version", saved.toString()));
		return saved;
	}

	/** Publishes a draft and gives the definition the published title. */
	@Transactional
	public boolean publish(UUID versionId, PersonId by) {
		boolean published = library.publish(versionId, by);
		if (published) {
			QuestionnaireVersion v = library.version(versionId).orElseThrow();
			String title = fhir.questionnaire(library.fhirJson(versionId)).getTitle();
			jdbc.sql("UPDATE questionnaire_definition SET title = ? WHERE id = ?")
				.params(title, v.definitionId())
				.update();
		}
		return published;
	}

	/**
	 * The draft to edit for a version: itself while a draft, else a new draft copied from
	 * it.
	 */
	@Transactional
	public UUID editable(QuestionnaireVersion version, PersonId by) {
		if (!version.published()) {
			return version.id();
		}
		return nextDraft(version.definitionId(), fhir.questionnaire(library.fhirJson(version.id())), by);
	}

	/**
	 * Every definition with its versions, titles first; {@code createdBy} limits to one
	 * person's.
	 */
	@Transactional(readOnly = true)
	public List<DefinitionSummary> definitions(PersonId createdBy) {
		Map<String, DefinitionSummary> byId = new LinkedHashMap<>();
		String sql = "SELECT d.id, d.title, d.shipped, d.created_by FROM questionnaire_definition d"
				+ (createdBy == null ? "" : " WHERE d.created_by = :by") + " ORDER BY d.shipped, d.title, d.id";
		var statement = jdbc.sql(sql);
		if (createdBy != null) {
			statement = statement.param("by", createdBy.value());
		}
		statement.query((rs, n) -> {
			UUID by = rs.getObject(4, UUID.class);
			return new DefinitionSummary(rs.getString(1), rs.getString(2), rs.getBoolean(3),
					by == null ? null : new PersonId(by), new ArrayList<>());
		}).list().forEach(d -> byId.put(d.id(), d));
		byId.values().forEach(d -> d.versions().addAll(library.versions(d.id())));
		return byId.values().stream().filter(d -> !d.versions().isEmpty()).toList();
	}

	private UUID nextDraft(String definitionId, Questionnaire q, PersonId by) {
		int next = jdbc
			.sql("SELECT COALESCE(MAX(version_number), 0) + 1 FROM questionnaire_version WHERE definition_id = ?")
			.param(definitionId)
			.query(Integer.class)
			.single();
		q.setVersion(Integer.toString(next));
		q.setStatus(Enumerations.PublicationStatus.DRAFT);
		UUID id = UUID.randomUUID();
		jdbc.sql("""
				INSERT INTO questionnaire_version (id, definition_id, version_number, status, fhir_json, created_at)
				VALUES (?, ?, ?, 'DRAFT', ?, ?)""")
			.params(id, definitionId, next, fhir.write(q), Timestamp.from(clock.instant()))
			.update();
		audit.record(AuditEntry.success(by, "QUESTIONNAIRE_DRAFT_CREATED", "questionnaire_version", id.toString()));
		return id;
	}

}
