package org.cpr.directory.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import org.cpr.directory.DirectoryImportRow;
import org.cpr.directory.ServiceCategory;
import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
import org.cpr.directory.ServiceQuery;
import org.cpr.identity.TraineeType;
import org.cpr.shared.AuditEntry;
import org.cpr.shared.AuditPort;
import org.cpr.shared.PersonId;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The directory's API as Spring Data JPA over {@code directory_service}, with the
 * in-memory search index.
 */
@Service("serviceDirectory") // templates read descriptions through @serviceDirectory
class DirectoryService implements ServiceDirectory {

	private final DirectoryServiceRepository services;

	private final SearchIndexHolder index;

	private final AuditPort audit;

	private final Clock clock;

	private final DirectoryTexts texts;

	DirectoryService(DirectoryServiceRepository services, SearchIndexHolder index, AuditPort audit, Clock clock,
			DirectoryTexts texts) {
		this.texts = texts;
		this.services = services;
		this.index = index;
		this.audit = audit;
		this.clock = clock;
	}

	@Override
	public List<ServiceEntry> search(ServiceQuery query) {
		return index.current().search(query);
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<ServiceEntry> find(UUID id) {
		return services.findById(id).map(DirectoryServiceEntity::entry);
	}

	@Override
	public List<ServiceEntry> alternatives(UUID id) {
		return find(id)
			.map(e -> search(new ServiceQuery(null, null, e.category(), null, false, false, false)).stream()
				.filter(a -> !a.id().equals(id))
				.filter(a -> e.audiences().isEmpty() || a.audiences().stream().anyMatch(e.audiences()::contains))
				.limit(5)
				.toList())
			.orElse(List.of());
	}

	@Override
	public List<ServiceEntry> recommend(ServiceCategory category, TraineeType audience) {
		return search(new ServiceQuery(null, audience, category, null, false, false, false));
	}

	@Override
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

	@Override
	@Transactional
	public void retire(UUID id, PersonId by) {
		services.findById(id).orElseThrow().retire(today(), clock.instant());
		audit.record(AuditEntry.success(by, "DIRECTORY_ENTRY_RETIRED", "directory_service", id.toString()));
		index.refreshAfterCommit();
	}

	@Override
	@Transactional
	public void markReviewed(UUID id, PersonId by) {
		services.findById(id).orElseThrow().markReviewed(today(), clock.instant());
		index.refreshAfterCommit();
	}

	@Override
	@Transactional
	public List<DirectoryImportRow> importCsv(String csv, boolean apply, PersonId by) {
		return importCsv(csv, apply, by, null);
	}

	@Override
	@Transactional
	public List<DirectoryImportRow> importCsv(String csv, boolean apply, PersonId by, PersonId owner) {
		List<DirectoryImportRow> rows = new ArrayList<>();
		for (var row : DirectoryCsv.parse(csv, today())) {
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

	@Override
	public String exportCsv() throws IOException {
		return DirectoryCsv.write(everything());
	}

	@Override
	@Transactional(readOnly = true)
	public Optional<PersonId> ownerOf(UUID id) {
		return services.findById(id).map(DirectoryServiceEntity::getOwnerId).map(PersonId::new);
	}

	@Override
	@Transactional(readOnly = true)
	public List<ServiceEntry> everything() {
		return services.findAll()
			.stream()
			.map(DirectoryServiceEntity::entry)
			.sorted(Comparator.comparing(ServiceEntry::name))
			.toList();
	}

	@Override
	public List<ServiceEntry> active() {
		return index.current().entries();
	}

	@Override
	public boolean reviewOverdue(ServiceEntry e) {
		return e.lastReviewed().isBefore(today().minusMonths(6));
	}

	private LocalDate today() {
		return LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
	}

	@Override
	public String description(ServiceEntry entry, java.util.Locale locale) {
		if (locale == null || "en".equals(locale.getLanguage())) {
			return entry.description();
		}
		return texts.in(locale.getLanguage()).getOrDefault(entry.id(), entry.description());
	}

	@Override
	public void describe(UUID id, String lang, String description) {
		texts.put(id, lang, description);
	}

}
