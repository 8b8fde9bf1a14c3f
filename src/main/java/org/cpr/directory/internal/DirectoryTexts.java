package org.cpr.directory.internal;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Services' descriptions in other languages. Read on every directory page, written
 * rarely: each language is kept in memory once read and forgotten on a write.
 */
@Repository
class DirectoryTexts {

	private final JdbcClient jdbc;

	private final Map<String, Map<UUID, String>> cache = new ConcurrentHashMap<>();

	DirectoryTexts(JdbcClient jdbc) {
		this.jdbc = jdbc;
	}

	public Map<UUID, String> in(String lang) {
		return cache.computeIfAbsent(lang, l -> {
			Map<UUID, String> texts = new HashMap<>();
			jdbc.sql("SELECT service_id, description FROM directory_service_text WHERE lang = ?").param(l).query(rs -> {
				texts.put(rs.getObject(1, UUID.class), rs.getString(2));
			});
			return Map.copyOf(texts);
		});
	}

	public void put(UUID service, String lang, String description) {
		jdbc.sql("DELETE FROM directory_service_text WHERE service_id = ? AND lang = ?").params(service, lang).update();
		if (description != null && !description.isBlank()) {
			jdbc.sql("INSERT INTO directory_service_text (service_id, lang, description) VALUES (?, ?, ?)")
				.params(service, lang, description.strip())
				.update();
		}
		cache.remove(lang);
	}

	public boolean isEmpty() {
		return jdbc.sql("SELECT COUNT(*) FROM directory_service_text").query(Integer.class).single() == 0;
	}

}
