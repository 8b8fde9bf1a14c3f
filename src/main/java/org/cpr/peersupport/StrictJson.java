package org.cpr.peersupport;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * A JSON body read field by field against the exact list of fields an endpoint accepts:
 * any other field (a "note", a "comment") refuses the whole request, so nothing the
 * endpoint does not define — clinical content above all — can be stored by sending it.
 */
final class StrictJson {

	private static final ObjectMapper JSON = new ObjectMapper();

	/**
	 * A field the body may not have, or a value of the wrong shape; {@code field} names
	 * it.
	 */
	static final class Invalid extends RuntimeException {

		final String field;

		final String messageKey;

		Invalid(String field, String messageKey) {
			super(messageKey);
			this.field = field;
			this.messageKey = messageKey;
		}

	}

	private final JsonNode node;

	private StrictJson(JsonNode node) {
		this.node = node;
	}

	static StrictJson parse(String body, Set<String> allowed) {
		JsonNode node;
		try {
			node = body == null || body.isBlank() ? null : JSON.readTree(body);
		}
		catch (com.fasterxml.jackson.core.JacksonException e) {
			throw new Invalid("body", "peer.api.notJson");
		}
		if (node == null || !node.isObject()) {
			throw new Invalid("body", "peer.api.notJson");
		}
		for (Iterator<String> names = node.fieldNames(); names.hasNext();) {
			String name = names.next();
			if (!allowed.contains(name)) {
				// the name is not echoed: whatever was sent as a key could itself be a
				// note
				throw new Invalid("body", "peer.api.unknownField");
			}
		}
		return new StrictJson(node);
	}

	String text(String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isTextual()) {
			throw new Invalid(field, "peer.api.wrongType");
		}
		return v.asText();
	}

	Boolean bool(String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isBoolean()) {
			throw new Invalid(field, "peer.api.wrongType");
		}
		return v.booleanValue();
	}

	Integer integer(String field) {
		JsonNode v = node.get(field);
		if (v == null || v.isNull()) {
			return null;
		}
		if (!v.isInt()) {
			throw new Invalid(field, "peer.api.wrongType");
		}
		return v.intValue();
	}

	LocalDate date(String field) {
		String s = text(field);
		try {
			return s == null ? null : LocalDate.parse(s);
		}
		catch (DateTimeParseException e) {
			throw new Invalid(field, "peer.api.wrongType");
		}
	}

	<E extends Enum<E>> E enumValue(String field, Class<E> type) {
		String s = text(field);
		try {
			return s == null ? null : Enum.valueOf(type, s);
		}
		catch (IllegalArgumentException e) {
			throw new Invalid(field, "peer.api.wrongType");
		}
	}

	List<String> texts(String field) {
		JsonNode v = node.get(field);
		List<String> out = new ArrayList<>();
		if (v == null || v.isNull()) {
			return out;
		}
		if (!v.isArray()) {
			throw new Invalid(field, "peer.api.wrongType");
		}
		for (JsonNode e : v) {
			if (!e.isTextual()) {
				throw new Invalid(field, "peer.api.wrongType");
			}
			out.add(e.asText());
		}
		return out;
	}

}
