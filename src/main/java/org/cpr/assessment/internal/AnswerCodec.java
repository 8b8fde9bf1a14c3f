package org.cpr.assessment.internal;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;

import org.cpr.shared.Digests;

/**
 * Answers as stable JSON (sorted keys, so equal answers give equal fingerprints) and
 * SHA-256 helpers.
 */
final class AnswerCodec {

	private static final ObjectMapper JSON = new ObjectMapper()
		.configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

	private AnswerCodec() {
	}

	public static String write(Object value) {
		try {
			return JSON.writeValueAsString(value instanceof Map<?, ?> m ? new TreeMap<>(m) : value);
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("answers cannot be written", e);
		}
	}

	public static Map<String, Map<String, Object>> readAll(String json) {
		try {
			return new LinkedHashMap<>(JSON.readValue(json, new TypeReference<Map<String, Map<String, Object>>>() {
			}));
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("stored answers are unreadable", e);
		}
	}

	public static Map<String, Object> readOne(String json) {
		try {
			return JSON.readValue(json, new TypeReference<Map<String, Object>>() {
			});
		}
		catch (JsonProcessingException e) {
			throw new IllegalStateException("stored answers are unreadable", e);
		}
	}

	public static String sha256(String text) {
		return Digests.sha256Hex(text);
	}

}
