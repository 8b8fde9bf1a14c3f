package org.cpr.platform;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.Schema;

/**
 * An example value built from an OpenAPI schema: objects with every property, one item
 * per array, the first value of an enumeration, and a plausible value per type and
 * format. References are followed (a few levels deep, so recursive schemas end).
 */
final class SchemaExamples {

	private static final ObjectMapper JSON = new ObjectMapper();

	private SchemaExamples() {
	}

	@SuppressWarnings("rawtypes")
	static Object of(Schema schema, OpenAPI openApi, int depth) {
		if (schema == null || depth > 6) {
			return null;
		}
		if (schema.getExample() != null) {
			return schema.getExample();
		}
		if (schema.get$ref() != null) {
			String name = schema.get$ref().substring(schema.get$ref().lastIndexOf('/') + 1);
			Schema target = openApi.getComponents() == null || openApi.getComponents().getSchemas() == null ? null
					: openApi.getComponents().getSchemas().get(name);
			return of(target, openApi, depth + 1);
		}
		if (schema.getEnum() != null && !schema.getEnum().isEmpty()) {
			return schema.getEnum().get(0);
		}
		String type = type(schema);
		if ("object".equals(type) || schema.getProperties() != null) {
			Map<String, Object> object = new LinkedHashMap<>();
			if (schema.getProperties() != null) {
				((Map<String, Schema>) schema.getProperties())
					.forEach((name, property) -> object.put(name, of(property, openApi, depth + 1)));
			}
			return object;
		}
		if ("array".equals(type)) {
			Object item = of(schema.getItems(), openApi, depth + 1);
			return item == null ? List.of() : List.of(item);
		}
		return scalar(type, schema.getFormat());
	}

	static String json(Object value) {
		try {
			return JSON.writeValueAsString(value);
		}
		catch (JsonProcessingException e) {
			return String.valueOf(value);
		}
	}

	@SuppressWarnings("rawtypes")
	private static String type(Schema schema) {
		if (schema.getType() != null) {
			return schema.getType();
		}
		if (schema.getTypes() != null) {
			return ((java.util.Set<?>) schema.getTypes()).stream()
				.map(Object::toString)
				.filter(t -> !"null".equals(t))
				.findFirst()
				.orElse(null);
		}
		return null;
	}

	private static Object scalar(String type, String format) {
		if (type == null) {
			return null;
		}
		return switch (type) {
			case "integer" -> 1;
			case "number" -> 1.5;
			case "boolean" -> true;
			case "string" -> switch (format == null ? "" : format) {
				case "uuid" -> "3f2b8c1e-7a4d-4e59-9b0a-6c1d2e3f4a5b";
				case "date" -> "2027-01-15";
				case "date-time" -> "2027-01-15T16:00:00Z";
				case "email" -> "alex.rivera@example.org";
				case "uri" -> "https://example.org";
				default -> "text";
			};
			default -> null;
		};
	}

}
