package org.cpr.directory;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.directory.internal.DirectoryServiceEntity;
import org.cpr.directory.internal.DirectoryServiceRepository;
import org.cpr.directory.internal.SearchIndexHolder;
import org.cpr.identity.TraineeType;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's API. Other modules (Resilience Snapshot next steps, referrals, course
 * pages) link to entries by id; a retired entry still resolves, marked retired, and
 * {@link #alternatives} names what to offer instead.
 */
@Service
public class ServiceDirectory {

	private final DirectoryServiceRepository services;

	private final SearchIndexHolder index;

	private final AuditPort audit;

	private final Clock clock;

	private final org.cpr.directory.internal.DirectoryTexts texts;

	ServiceDirectory(DirectoryServiceRepository services, SearchIndexHolder index, AuditPort audit, Clock clock,
			org.cpr.directory.internal.DirectoryTexts texts) {
		this.texts = texts;
		this.services = services;
		this.index = index;
		this.audit = audit;
		this.clock = clock;
	}

	/**
	 * The service's description in the reader's language when one was written, else the
	 * English one.
	 */
	public String description(ServiceEntry entry, java.util.Locale locale) {
		if (locale == null || "en".equals(locale.getLanguage())) {
			return entry.description();
		}
		return texts.in(locale.getLanguage()).getOrDefault(entry.id(), entry.description());
	}

	/** Sets (or, when blank, removes) the service's description in another language. */
	public void describe(UUID id, String lang, String description) {
		texts.put(id, lang, description);
	}

	public List<ServiceEntry> search(ServiceQuery query) {
		return index.current().search(query);
	}

	@Transactional(readOnly = true)
	public Optional<ServiceEntry> find(UUID id) {
		return services.findById(id).map(DirectoryServiceEntity::entry);
	}

	/**
	 * Active services of the same category open to the same people: what to offer instead
	 * of {@code id}.
	 */
	public List<ServiceEntry> alternatives(UUID id) {
		return find(id)
			.map(e -> search(new ServiceQuery(null, null, e.category(), null, false, false, false)).stream()
				.filter(a -> !a.id().equals(id))
				.filter(a -> e.audiences().isEmpty() || a.audiences().stream().anyMatch(e.audiences()::contains))
				.limit(5)
				.toList())
			.orElse(List.of());
	}

	/** Active services of a category open to a trainee type, for recommendations. */
	public List<ServiceEntry> recommend(ServiceCategory category, TraineeType audience) {
		return search(new ServiceQuery(null, audience, category, null, false, false, false));
	}

	@Transactional
	public UUID save(UUID id, ServiceEntry entry, PersonId owner, PersonId by) {
		DirectoryServiceEntity entity = id == null ? new DirectoryServiceEntity(UUID.randomUUID(), clock.instant())
				: services.findById(id).orElseThrow();
		entity.describe(entry.lastReviewed() == null ? entry.reviewedOn(today()) : entry,
				owner == null ? null : owner.value(), clock.instant());
		services.save(entity);
		audit.record(AuditEntry.success(by, id == null ? "DIRECTORY_ENTRY_CREATED" : "DIRECTORY_ENTRY_UPDATED",
				"directory_service", entity.getId().toString()));
		index.refreshAfterCommit();
		return entity.getId();
	}

	@Transactional
	public void retire(UUID id, PersonId by) {
		services.findById(id).orElseThrow().retire(today(), clock.instant());
		audit.record(AuditEntry.success(by, "DIRECTORY_ENTRY_RETIRED", "directory_service", id.toString()));
		index.refreshAfterCommit();
	}

	@Transactional
	public void markReviewed(UUID id, PersonId by) {
		services.findById(id).orElseThrow().markReviewed(today(), clock.instant());
		index.refreshAfterCommit();
	}

	/**
	 * Imports a CSV file: every row is checked first; only when all are valid are they
	 * written, in one transaction (rows with an id update that entry, rows without one
	 * create an entry).
	 */
	@Transactional
	public List<DirectoryImportRow> importCsv(String csv, boolean apply, PersonId by) {
		return importCsv(csv, apply, by, null);
	}

	/**
	 * As {@link #importCsv(String, boolean, PersonId)}, making {@code owner} the owner of
	 * entries that have none.
	 */
	@Transactional
	public List<DirectoryImportRow> importCsv(String csv, boolean apply, PersonId by, PersonId owner) {
		List<DirectoryImportRow> rows = new java.util.ArrayList<>();
		for (var row : org.cpr.directory.internal.DirectoryCsv.parse(csv, today())) {
			if (row.ok() && row.id() != null && !services.existsById(row.id())) {
				row = new DirectoryImportRow(row.line(), row.id(), null,
						List.of(new DirectoryImportRow.Problem("id", "directory.csv.unknownId", row.id().toString())));
			}
			rows.add(row);
		}
		boolean valid = !rows.isEmpty() && rows.stream().allMatch(DirectoryImportRow::ok);
		if (apply && valid) {
			for (var row : rows) {
				DirectoryServiceEntity entity = row.id() == null
						? new DirectoryServiceEntity(UUID.randomUUID(), clock.instant())
						: services.findById(row.id()).orElseThrow();
				UUID keptOwner = entity.getOwnerId() != null ? entity.getOwnerId()
						: owner == null ? null : owner.value();
				entity.describe(row.entry(), keptOwner, clock.instant());
				services.save(entity);
			}
			audit.record(AuditEntry.administration(by, "DIRECTORY_IMPORTED", "directory_service", null)
				.detail("rows=" + rows.size()));
			index.refreshAfterCommit();
		}
		return rows;
	}

	public String exportCsv() throws java.io.IOException {
		return org.cpr.directory.internal.DirectoryCsv.write(everything());
	}

	/** Who keeps an entry up to date. */
	@Transactional(readOnly = true)
	public Optional<PersonId> ownerOf(UUID id) {
		return services.findById(id).map(DirectoryServiceEntity::getOwnerId).map(PersonId::new);
	}

	@Transactional(readOnly = true)
	public List<ServiceEntry> everything() {
		return services.findAll()
			.stream()
			.map(DirectoryServiceEntity::entry)
			.sorted(java.util.Comparator.comparing(ServiceEntry::name))
			.toList();
	}

	/** Entries whose last review is more than six months old. */
	public boolean reviewOverdue(ServiceEntry e) {
		return e.lastReviewed().isBefore(today().minusMonths(6));
	}

	LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	/**
	 * Category names in both languages, so "counseling" and "consejería" both find
	 * counseling services.
	 */
	public static Map<String, String> categoryLabels(MessageSource messages) {
		Map<String, String> labels = new HashMap<>();
		for (ServiceCategory c : ServiceCategory.values()) {
			String key = "directory.category." + c;
			labels.put(c.name(), messages.getMessage(key, null, c.name(), Locale.ENGLISH) + " "
					+ messages.getMessage(key, null, c.name(), Locale.forLanguageTag("es")));
		}
		return labels;
	}

}
