package org.cpr.directory;

import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import org.cpr.identity.TraineeType;
import org.cpr.shared.PersonId;
import org.springframework.context.MessageSource;

/**
 * The directory's API. Other modules (Resilience Snapshot next steps, referrals, course
 * pages) link to entries by id; a retired entry still resolves, marked retired, and
 * {@link #alternatives} names what to offer instead.
 */
public interface ServiceDirectory {

	List<ServiceEntry> search(ServiceQuery query);

	Optional<ServiceEntry> find(UUID id);

	/**
	 * The service's description in the reader's language when one was written, else the
	 * English one.
	 */
	String description(ServiceEntry entry, java.util.Locale locale);

	/** Sets (or, when blank, removes) the service's description in another language. */
	void describe(UUID id, String lang, String description);

	/**
	 * Active services of the same category open to the same people: what to offer instead
	 * of {@code id}.
	 */
	List<ServiceEntry> alternatives(UUID id);

	/** Active services of a category open to a trainee type, for recommendations. */
	List<ServiceEntry> recommend(ServiceCategory category, TraineeType audience);

	UUID save(UUID id, ServiceEntry entry, PersonId owner, PersonId by);

	void retire(UUID id, PersonId by);

	void markReviewed(UUID id, PersonId by);

	/**
	 * Imports a CSV file: every row is checked first; only when all are valid are they
	 * written, in one transaction (rows with an id update that entry, rows without one
	 * create an entry).
	 */
	List<DirectoryImportRow> importCsv(String csv, boolean apply, PersonId by);

	/**
	 * As {@link #importCsv(String, boolean, PersonId)}, making {@code owner} the owner of
	 * entries that have none.
	 */
	List<DirectoryImportRow> importCsv(String csv, boolean apply, PersonId by, PersonId owner);

	String exportCsv() throws IOException;

	/** Who keeps an entry up to date. */
	Optional<PersonId> ownerOf(UUID id);

	List<ServiceEntry> everything();

	/**
	 * The active (not retired) entries, sorted by name, without a database read: the
	 * in-memory copy the search index is built from, rebuilt after every committed change
	 * made on this node and at least every {@code cpr.directory.index-max-age} (default
	 * 60 s) for changes made on another node. For pages that show a few entries on every
	 * visit (a snapshot's next steps).
	 */
	List<ServiceEntry> active();

	/** Entries whose last review is more than six months old. */
	boolean reviewOverdue(ServiceEntry e);

	/**
	 * Category names in both languages, so "counseling" and "consejería" both find
	 * counseling services.
	 */
	static Map<String, String> categoryLabels(MessageSource messages) {
		Map<String, String> labels = new HashMap<>();
		for (ServiceCategory c : ServiceCategory.values()) {
			String key = "directory.category." + c;
			labels.put(c.name(), messages.getMessage(key, null, c.name(), Locale.ENGLISH) + " "
					+ messages.getMessage(key, null, c.name(), Locale.forLanguageTag("es")));
		}
		return labels;
	}

}
