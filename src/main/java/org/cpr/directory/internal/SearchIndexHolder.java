package org.cpr.directory.internal;

import java.time.Duration;
import java.util.List;

import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Holds the current search index; rebuilt after every committed change to the directory.
 */
@Component
class SearchIndexHolder {

	private final DirectoryServiceRepository services;

	private final MessageSource messages;

	private final TransactionTemplate tx;

	private final long maxAgeNanos;

	private volatile SearchIndex index;

	private volatile long builtAt;

	SearchIndexHolder(DirectoryServiceRepository services, MessageSource messages, TransactionTemplate tx,
			@Value("${cpr.directory.index-max-age:60s}") Duration maxAge) {
		this.services = services;
		this.messages = messages;
		this.tx = tx;
		this.maxAgeNanos = maxAge.toNanos();
	}

	/**
	 * The index; rebuilt at once after a change committed on this node, and when it is
	 * older than {@code cpr.directory.index-max-age}, so a change committed on another
	 * node is seen within that time.
	 */
	public SearchIndex current() {
		SearchIndex current = index;
		if (current == null || stale()) {
			current = rebuildIfStale();
		}
		return current;
	}

	private boolean stale() {
		return System.nanoTime() - builtAt > maxAgeNanos;
	}

	/** One rebuild when many requests find the index stale at once. */
	private synchronized SearchIndex rebuildIfStale() {
		SearchIndex current = index;
		return current == null || stale() ? rebuild() : current;
	}

	public void refreshAfterCommit() {
		if (TransactionSynchronizationManager.isSynchronizationActive()) {
			TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
				@Override
				public void afterCommit() {
					rebuild();
				}
			});
		}
		else {
			rebuild();
		}
	}

	synchronized SearchIndex rebuild() {
		List<ServiceEntry> active = tx.execute(s -> services.findAll()
			.stream()
			.filter(e -> !e.isRetired())
			.map(DirectoryServiceEntity::entry)
			.toList());
		index = new SearchIndex(active, ServiceDirectory.categoryLabels(messages));
		builtAt = System.nanoTime();
		return index;
	}

	/** For benchmarks and tests: an index over given entries. */
	public static SearchIndex over(List<ServiceEntry> entries, MessageSource messages) {
		return new SearchIndex(entries, ServiceDirectory.categoryLabels(messages));
	}

}
