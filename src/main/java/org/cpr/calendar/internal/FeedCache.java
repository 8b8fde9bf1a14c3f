package org.cpr.calendar.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import org.cpr.shared.PersonId;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The last rendered feed of recently polled people, keyed by the version it was rendered
 * for: a feed polled again with nothing changed is served without querying entries or
 * rendering. Bounded (least recently used out); per node, since the version check itself
 * reads the database.
 */
@Component
class FeedCache {

	/** A rendered calendar and the version (ETag) it belongs to. */
	public record Rendered(String version, String body) {
	}

	private final Map<PersonId, Rendered> cache;

	FeedCache(@Value("${cpr.calendar.feed-cache-size:5000}") int size) {
		this.cache = new LinkedHashMap<>(256, 0.75f, true) {
			@Override
			protected boolean removeEldestEntry(Map.Entry<PersonId, Rendered> eldest) {
				return size() > size;
			}
		};
	}

	public synchronized Optional<String> get(PersonId person, String version) {
		Rendered r = cache.get(person);
		return r != null && r.version().equals(version) ? Optional.of(r.body()) : Optional.empty();
	}

	public synchronized void put(PersonId person, String version, String body) {
		cache.put(person, new Rendered(version, body));
	}

	public synchronized void forget(PersonId person) {
		cache.remove(person);
	}

}
