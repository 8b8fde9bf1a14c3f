package org.cpr.platform;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.core.annotation.AnnotatedElementUtils;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * What every operation of {@code /api/v1} shares, written once instead of on each
 * controller: the RFC 9457 problem-detail responses an operation can give (401 without a
 * valid token, 403 where roles are checked, 404 where a path names a resource, 400 for a
 * parameter or body that cannot be read, 422 for a body that cannot be accepted), and an
 * example request ({@code x-codeSamples}, a curl line built from the parameters' and the
 * body's examples). Responses a controller documents itself are kept.
 */
@Component
class ApiDocumentationCustomizer implements GlobalOperationCustomizer, GlobalOpenApiCustomizer {

	static final String PROBLEM = "application/problem+json";

	static final String PROBLEM_SCHEMA = "ProblemDetail";

	private static final Map<String, String> TITLES = Map.of("400", "Bad Request", "401", "Unauthorized", "403",
			"Forbidden", "404", "Not Found", "422", "Unprocessable Content");

	private static final Map<String, String> DETAILS = Map.of("400",
			"A parameter or the body could not be read (wrong type, unknown value, malformed JSON).", "401",
			"No valid credential: send Authorization: Bearer cpr_….", "403", "Your roles do not allow this operation.",
			"404", "Nothing with this id exists (or it is not visible to you).", "422",
			"The body was read but cannot be accepted; the detail (and any errors list) says why.");

	@Override
	public Operation customize(Operation operation, HandlerMethod handler) {
		ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
		List<String> codes = new ArrayList<>(List.of("400", "401"));
		if (AnnotatedElementUtils.hasAnnotation(handler.getMethod(), PreAuthorize.class)
				|| AnnotatedElementUtils.hasAnnotation(handler.getBeanType(), PreAuthorize.class)) {
			codes.add("403");
		}
		if (operation.getParameters() != null
				&& operation.getParameters().stream().anyMatch(p -> "path".equals(p.getIn()))) {
			codes.add("404");
		}
		if (operation.getRequestBody() != null) {
			codes.add("422");
		}
		for (String code : codes) {
			ApiResponse existing = responses.get(code);
			if (existing == null) {
				responses.addApiResponse(code, problem(code, DETAILS.get(code)));
			}
			else if (existing.getContent() == null || !existing.getContent().containsKey(PROBLEM)) {
				existing.content(problemContent(code, existing.getDescription()));
			}
		}
		operation.setResponses(responses);
		return operation;
	}

	@Override
	public void customise(OpenAPI openApi) {
		openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problemSchema());
		if (openApi.getPaths() == null) {
			return;
		}
		openApi.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
			exampleBodies(operation, openApi);
			if (operation.getExtensions() == null || !operation.getExtensions().containsKey("x-codeSamples")) {
				operation.addExtension("x-codeSamples",
						List.of(Map.of("lang", "Shell", "label", "curl", "source", curl(path, method, operation))));
			}
		}));
	}

	/**
	 * A JSON body without a written example gets one built from its schema (so it always
	 * matches what the operation reads); a body read as plain text or FHIR needs a
	 * written example on the controller.
	 */
	static void exampleBodies(Operation operation, OpenAPI openApi) {
		if (operation.getRequestBody() == null || operation.getRequestBody().getContent() == null) {
			return;
		}
		operation.getRequestBody().getContent().forEach((type, media) -> {
			if (media.getExample() == null && (media.getExamples() == null || media.getExamples().isEmpty())
					&& media.getSchema() != null) {
				Object example = SchemaExamples.of(media.getSchema(), openApi, 0);
				if (example instanceof Map<?, ?> || example instanceof List<?>) {
					media.setExample(example);
				}
			}
		});
	}

	static String curl(String path, PathItem.HttpMethod method, Operation operation) {
		StringBuilder query = new StringBuilder();
		String url = path;
		if (operation.getParameters() != null) {
			for (Parameter p : operation.getParameters()) {
				String example = example(p);
				if ("path".equals(p.getIn())) {
					url = url.replace("{" + p.getName() + "}", example == null ? "…" : example);
				}
				else if ("query".equals(p.getIn()) && example != null) {
					query.append(query.isEmpty() ? '?' : '&').append(p.getName()).append('=').append(example);
				}
			}
		}
		StringBuilder curl = new StringBuilder("curl");
		if (method != PathItem.HttpMethod.GET) {
			curl.append(" -X ").append(method.name());
		}
		curl.append(" 'https://cpr.example.org").append(url).append(query).append('\'');
		boolean checkin = path.startsWith("/api/v1/checkin");
		if (!checkin) {
			curl.append(" -H 'Authorization: Bearer cpr_…'");
		}
		else if (!path.endsWith("/sessions")) {
			curl.append(" -H 'Checkin-Token: …'");
		}
		if (operation.getRequestBody() != null && operation.getRequestBody().getContent() != null) {
			Map.Entry<String, MediaType> body = operation.getRequestBody().getContent().entrySet().iterator().next();
			curl.append(" -H 'Content-Type: ").append(body.getKey()).append('\'');
			Object example = body.getValue().getExample();
			if (example == null && body.getValue().getExamples() != null && !body.getValue().getExamples().isEmpty()) {
				example = body.getValue().getExamples().values().iterator().next().getValue();
			}
			if (example != null) {
				String text = example instanceof String string ? string : SchemaExamples.json(example);
				curl.append(" --data '").append(text.replace("'", "'\\''")).append('\'');
			}
		}
		return curl.toString();
	}

	private static String example(Parameter p) {
		if (p.getExample() != null) {
			return p.getExample().toString();
		}
		if (p.getSchema() != null && p.getSchema().getExample() != null) {
			return p.getSchema().getExample().toString();
		}
		if (p.getSchema() != null && "uuid".equals(p.getSchema().getFormat())) {
			return "3f2b8c1e-7a4d-4e59-9b0a-6c1d2e3f4a5b";
		}
		return null;
	}

	private static ApiResponse problem(String code, String description) {
		return new ApiResponse().description(description).content(problemContent(code, description));
	}

	private static Content problemContent(String code, String detail) {
		Map<String, Object> example = new LinkedHashMap<>();
		example.put("type", "about:blank");
		example.put("title", TITLES.getOrDefault(code, "Error"));
		example.put("status", Integer.parseInt(code));
		example.put("detail", detail);
		return new Content().addMediaType(PROBLEM,
				new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM_SCHEMA)).example(example));
	}

	@SuppressWarnings("rawtypes")
	private static Schema problemSchema() {
		return new ObjectSchema().description("RFC 9457 problem details")
			.addProperty("type", new StringSchema().format("uri").description("Identifies the problem type"))
			.addProperty("title", new StringSchema().description("Short summary of the problem type"))
			.addProperty("status", new IntegerSchema().description("The HTTP status code"))
			.addProperty("detail", new StringSchema().description("What went wrong with this request"))
			.addProperty("instance", new StringSchema().format("uri-reference"));
	}

}
