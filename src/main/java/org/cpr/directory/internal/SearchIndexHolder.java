package org.cpr.directory.internal;

import java.util.List;

import org.cpr.directory.ServiceDirectory;
import org.cpr.directory.ServiceEntry;
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

	private volatile SearchIndex index;

	SearchIndexHolder(DirectoryServiceRepository services, MessageSource messages, TransactionTemplate tx) {
		this.services = services;
		this.messages = messages;
		this.tx = tx;
	}

	public SearchIndex current() {
		SearchIndex current = index;
		if (current == null) {
			current = rebuild();
		}
		return current;
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
		return index;
	}

	/** For benchmarks and tests: an index over given entries. */
	public static SearchIndex over(List<ServiceEntry> entries, MessageSource messages) {
		return new SearchIndex(entries, ServiceDirectory.categoryLabels(messages));
	}

}
