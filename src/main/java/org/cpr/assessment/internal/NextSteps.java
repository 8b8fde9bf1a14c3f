package org.cpr.assessment.internal;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import org.cpr.assessment.NextStep;
import org.cpr.assessment.NextStepRule;
import org.cpr.assessment.SubmittedSnapshot;
import org.cpr.directory.ServiceCategory;
import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Tailored next steps from rules an administrator edits: "instrument X band in {…}" or
 * "flag F" → a category, a directory entry (by slug: its name in lower case with dashes)
 * and a fallback text. When no active entry has the slug yet the fallback text shows; the
 * link appears once it exists.
 */
@Component
class NextSteps {

	private final JdbcClient jdbc;

	private final ServiceDirectory directory;

	private final AuditPort audit;

	NextSteps(JdbcClient jdbc, ServiceDirectory directory, AuditPort audit) {
		this.jdbc = jdbc;
		this.directory = directory;
		this.audit = audit;
	}

	public List<NextStepRule> rules() {
		return jdbc.sql(
				"SELECT id, position, instrument_id, bands, flag, category, directory_slug, fallback_text, fallback_text_es"
						+ " FROM assessment_next_step_rule ORDER BY position, id")
			.query((rs, n) -> new NextStepRule(rs.getObject(1, UUID.class), rs.getInt(2), rs.getString(3),
					bands(rs.getString(4)), rs.getString(5), ServiceCategory.valueOf(rs.getString(6)), rs.getString(7),
					rs.getString(8), rs.getString(9)))
			.list();
	}

	@Transactional
	public UUID save(NextStepRule rule, PersonId by) {
		UUID id = rule.id() == null ? UUID.randomUUID() : rule.id();
		jdbc.sql("DELETE FROM assessment_next_step_rule WHERE id = ?").param(id).update();
		jdbc.sql(
				"INSERT INTO assessment_next_step_rule (id, position, instrument_id, bands, flag, category, directory_slug, fallback_text,"
						+ " fallback_text_es) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
			.params(id, rule.position(), blankToNull(rule.instrumentId()),
					rule.bands().isEmpty() ? null : String.join(",", rule.bands()), blankToNull(rule.flag()),
					rule.category().name(), blankToNull(rule.directorySlug()), rule.fallbackText(),
					blankToNull(rule.fallbackTextEs()))
			.update();
		audit.record(AuditEntry.administration(by, "SNAPSHOT_RULE_SAVED", "assessment_next_step_rule", id.toString()));
		return id;
	}

	@Transactional
	public void delete(UUID id, PersonId by) {
		jdbc.sql("DELETE FROM assessment_next_step_rule WHERE id = ?").param(id).update();
		audit
			.record(AuditEntry.administration(by, "SNAPSHOT_RULE_DELETED", "assessment_next_step_rule", id.toString()));
	}

	/**
	 * The submission's next steps, their texts in the reader's language. The directory's
	 * active entries come from its in-memory copy (no database read per results page),
	 * which the directory rebuilds after each committed change; their slugs are worked
	 * out once per copy.
	 */
	public List<NextStep> forSubmission(SubmittedSnapshot submission, Locale locale) {
		List<NextStep> steps = new ArrayList<>();
		Map<String, ServiceEntry> bySlug = null;
		for (NextStepRule rule : rules()) {
			if (!rule.matches(submission)) {
				continue;
			}
			if (bySlug == null) {
				bySlug = bySlug(directory.active());
			}
			Optional<ServiceEntry> entry = Optional
				.ofNullable(rule.directorySlug() == null ? null : bySlug.get(rule.directorySlug()));
			steps.add(new NextStep(rule.category(), entry.map(ServiceEntry::id).orElse(null),
					entry.map(ServiceEntry::name).orElse(null), rule.fallbackText(locale)));
		}
		return steps;
	}

	/** The last directory copy seen and its entries by slug (first by name wins). */
	private volatile SlugMap slugs;

	private record SlugMap(List<ServiceEntry> of, Map<String, ServiceEntry> bySlug) {
	}

	private Map<String, ServiceEntry> bySlug(List<ServiceEntry> active) {
		SlugMap known = slugs;
		if (known != null && known.of() == active) {
			return known.bySlug();
		}
		Map<String, ServiceEntry> bySlug = new HashMap<>();
		for (ServiceEntry e : active) {
			if (!e.retired()) {
				bySlug.putIfAbsent(slug(e.name()), e);
			}
		}
		slugs = new SlugMap(active, bySlug);
		return bySlug;
	}

	/** "Resident Peer Support Network" → "resident-peer-support-network". */
	public static String slug(String name) {
		String plain = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
		return plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
	}

	static Set<String> bands(String csv) {
		Set<String> set = new LinkedHashSet<>();
		if (csv != null) {
			Arrays.stream(csv.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(set::add);
		}
		return set;
	}

	private static String blankToNull(String s) {
		return s == null || s.isBlank() ? null : s.strip();
	}

}
