package org.cpr;

import static org.assertj.core.api.Assertions.assertThat;
import static org.cpr.support.TestUsers.signedIn;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.request;

import java.lang.annotation.Annotation;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

import org.cpr.identity.CprUser;
import org.cpr.support.MutableClockConfiguration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Import;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpMethod;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.validation.BindingResult;
import org.springframework.validation.FieldError;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMethod;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.SessionAttribute;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.method.annotation.ModelFactory;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.method.RequestMappingInfo;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.HtmlUtils;

/**
 * Issue #17: a typed field of a form (a number, a date, a choice, a yes/no, a list of
 * choices) that receives something unreadable gets a field message on the form again,
 * never a 500. Every POST/PUT page handler taking a form record is found from the handler
 * mappings; each of its non-text components is sent "not-a-value" by the first demo login
 * (or nobody, for public forms) the handler lets in, signed in past the second factor.
 * The answer must be below 500, the form's errors must name the field, and the page must
 * show that message as a user reads it (not Spring's "Failed to convert…").
 * <p>
 * Before issue #17 a form whose code added a message of its own (e.g. the topic editor's
 * resource check) answered 500 here: the record is built with {@code null} in the failed
 * component, but its binding result has no target, so {@code rejectValue} threw
 * ({@code FormErrors} is the fix). Handlers whose path needs an object of the data are
 * sent an id that does not exist; they must still answer below 500, and are listed as
 * skipped when they answer 404 for it.
 */
@SpringBootTest
@AutoConfigureMockMvc
@Import(MutableClockConfiguration.class)
class TypedFormFieldsTests {

	static final String UNREADABLE = "not-a-value";

	/** Nobody first (public forms), then the demo logins of every role. */
	static final List<String> LOGINS = List.of("", "admin", "director", "facilitator", "resident", "leader",
			"clinician", "peer", "researcher", "privacy", "sysadmin", "peercoord", "riskmanager", "conduct");

	static final Set<Class<? extends Annotation>> NOT_FORM = Set.of(RequestParam.class, PathVariable.class,
			RequestBody.class, RequestHeader.class, AuthenticationPrincipal.class, CookieValue.class, RequestPart.class,
			SessionAttribute.class, RequestAttribute.class);

	/**
	 * Forms that still lose the unreadable value without a field message, as of issue
	 * #17's pass: their handler has no {@code BindingResult} (Spring answers a bare 400
	 * and the form is gone), their record's constructor refuses the nulls, or their page
	 * shows no message for that field. None of them is a 5xx (that is asserted for every
	 * form); the list must only shrink: a form not on it that shows no message fails the
	 * test.
	 */
	static final Set<String> KNOWN_GAPS = Set.of("POST /cqi/items/{id}/status target",
			"POST /cqi/items/{id}/presentations presentedOn", "POST /cqi/items/{id}/presentations audience",
			"POST /cqi/items/{id}/presentations decision", "POST /cqi/items/{id} dueOn",
			"POST /admin/directory afterHours", "POST /admin/directory virtualOption",
			"POST /admin/directory/{id} afterHours", "POST /admin/directory/{id} virtualOption",
			"POST /admin/people active", "POST /admin/people departmentId", "POST /admin/people programId",
			"POST /admin/people/{id} active", "POST /admin/people/{id} departmentId",
			"POST /admin/people/{id} programId", "POST /courses/manage audiencePrograms",
			"POST /courses/manage audienceRoles", "POST /courses/manage audienceTypes",
			"POST /courses/manage publicListing", "POST /courses/manage topics",
			"POST /cqi/confidential-report channel", "POST /cqi/confidential-report hospitalId",
			"POST /cqi/confidential-report wantsReplies", "POST /cqi/items dueOn",
			"POST /groups/manage/{id}/meetings count", "POST /groups/manage/{id}/meetings everyWeeks",
			"POST /groups/manage/{id}/meetings minutes", "POST /groups/manage/{id}/meetings/{meeting}/edit minutes",
			"POST /needs/rotations setting", "POST /needs/rotations/{id} setting",
			"POST /peer/cases/{id}/encounters duration", "POST /peer/cases/{id}/encounters occurredOn",
			"POST /peer/cases/{id}/encounters referredClinician", "POST /peer/cases/{id}/encounters referredDirectory",
			"POST /peer/cases/{id}/encounters referredEap", "POST /peer/cases/{id}/encounters type",
			"POST /peer/debriefs attendance", "POST /peer/debriefs heldOn", "POST /peer/debriefs unit",
			"POST /peer/reach-in eventDate", "POST /peer/reach-in eventType", "POST /peer/roster available",
			"POST /peer/roster completedOn", "POST /peer/roster maxLoad", "POST /peer/roster profession",
			"POST /peer/roster refresherDue", "POST /peer/roster site", "POST /peer/roster/{person} available",
			"POST /peer/roster/{person} completedOn", "POST /peer/roster/{person} maxLoad",
			"POST /peer/roster/{person} profession", "POST /peer/roster/{person} refresherDue",
			"POST /peer/roster/{person} site", "POST /peer/roster/{person}/debriefs heldOn",
			"POST /peer/roster/{person}/debriefs outcome", "POST /peer/roster/{person}/debriefs with",
			"POST /speak-up wantsReplies", "POST /surveys/campaigns roles", "POST /surveys/campaigns schedule",
			"POST /surveys/campaigns traineeTypes");

	@Autowired
	MockMvc mvc;

	@Autowired
	@Qualifier("requestMappingHandlerMapping")
	RequestMappingHandlerMapping mappings;

	@Autowired
	UserDetailsService users;

	@Autowired
	MessageSource messages;

	@Autowired
	org.springframework.jdbc.core.simple.JdbcClient jdbc;

	/**
	 * An object of the demo data for a path's first {@code {id}}, by the path up to it;
	 * any other path variable gets an id that does not exist.
	 */
	static final Map<String, String> DEMO_IDS = Map.of("/curriculum/topics/{id}", "SELECT id FROM curriculum_topic",
			"/admin/directory/{id}", "SELECT id FROM directory_service", "/cqi/items/{id}", "SELECT id FROM cqi_item",
			"/admin/people/{id}", "SELECT id FROM person WHERE username = 'resident'", "/clinician/alerts/{id}",
			"SELECT id FROM safety_alert");

	record Field(HttpMethod method, String pattern, String path, String formName, String field,
			Map<String, String> extra) {

		@Override
		public String toString() {
			return method + " " + pattern + " " + field;
		}

	}

	@Test
	void everyTypedFieldOfEveryFormAnswersUnreadableInputWithAFieldMessageNeverA5xx() throws Exception {
		List<Field> fields = typedFormFields();
		List<String> failures = new ArrayList<>();
		Set<String> gaps = new TreeSet<>();
		Set<String> tested = new TreeSet<>();
		Set<String> skipped = new TreeSet<>();
		for (Field f : fields) {
			String outcome = null;
			boolean notFound = false;
			for (String login : LOGINS) {
				MockHttpServletRequestBuilder call = request(f.method(), f.path()).with(csrf())
					.param(f.field(), UNREADABLE)
					.locale(Locale.ENGLISH);
				f.extra().forEach(call::param);
				if (!login.isEmpty()) {
					CprUser user = user(login);
					if (user == null) {
						continue;
					}
					call.with(signedIn(user));
				}
				MvcResult result;
				try {
					result = mvc.perform(call).andReturn();
				}
				catch (Exception | StackOverflowError failed) {
					outcome = "FAIL " + f + " as " + name(login) + ": " + rootCause(failed);
					break;
				}
				int status = result.getResponse().getStatus();
				String location = String.valueOf(result.getResponse().getRedirectedUrl());
				if (status == 401 || status == 403 || location.contains("/login") || location.contains("/mfa/")) {
					continue;
				}
				if (status >= 500) {
					outcome = "FAIL " + f + " as " + name(login) + ": " + status + " "
							+ rootCause(result.getResolvedException());
					break;
				}
				String message = fieldMessage(result.getModelAndView(), f);
				if (message == null && status == 404) {
					// not this person's object, or none of the data: the next login may
					notFound = true;
					continue;
				}
				if (message == null) {
					outcome = "FAIL " + f + " as " + name(login) + ": " + status + " " + location
							+ ", no field message for the unreadable value";
					break;
				}
				String page = result.getResponse().getContentAsString();
				if (message.startsWith("Failed to convert") || !page.contains(HtmlUtils.htmlEscape(message))) {
					outcome = "FAIL " + f + " as " + name(login) + ": " + status + ", the page does not show \""
							+ message + "\"";
					break;
				}
				outcome = "OK " + f + " as " + name(login) + ": " + status + " \"" + message + "\"";
				break;
			}
			if (outcome == null && notFound && !f.path().equals(f.pattern())) {
				outcome = "SKIP " + f + ": needs an object of the data in its path (404 for " + f.path() + ")";
			}
			else if (outcome == null && notFound) {
				outcome = "FAIL " + f + ": 404 for every login";
			}
			else if (outcome == null) {
				outcome = "SKIP " + f + ": no demo login may use it";
			}
			if (outcome.startsWith("FAIL") && !outcome.contains(": 5") && !outcome.contains("Exception")
					&& !outcome.contains("Error") && KNOWN_GAPS.contains(f.toString())) {
				gaps.add(f.toString());
			}
			else if (outcome.startsWith("FAIL")) {
				failures.add(outcome);
			}
			else if (outcome.startsWith("SKIP")) {
				skipped.add(outcome);
			}
			else {
				tested.add(f.toString());
			}
			System.out.println("typed form field: " + outcome);
		}
		assertThat(failures).isEmpty();
		// a form outside KNOWN_GAPS that shows no message is a failure above; the cqi
		// item
		// forms are reached only when another test of the shared context made an item
		System.out.println("typed form field: known gaps still open: " + gaps.size());
		// the probe reaches the forms it was written for, so it cannot pass by skipping
		assertThat(tested).contains("POST /curriculum/topics minutes", "POST /curriculum/topics format",
				"POST /curriculum/topics competencies");
		assertThat(tested.size()).as("typed fields tested; skipped: " + skipped).isGreaterThan(skipped.size());
	}

	/** Every non-text component of every form record a POST/PUT page handler binds. */
	List<Field> typedFormFields() {
		List<Field> fields = new ArrayList<>();
		for (Map.Entry<RequestMappingInfo, HandlerMethod> entry : mappings.getHandlerMethods().entrySet()) {
			RequestMappingInfo info = entry.getKey();
			HandlerMethod handler = entry.getValue();
			Set<RequestMethod> methods = info.getMethodsCondition().getMethods();
			for (MethodParameter parameter : handler.getMethodParameters()) {
				Class<?> type = parameter.getParameterType();
				boolean form = parameter.hasParameterAnnotation(ModelAttribute.class)
						|| (type.isRecord() && NOT_FORM.stream().noneMatch(parameter::hasParameterAnnotation));
				if (!form || !type.isRecord()) {
					continue;
				}
				String formName = ModelFactory.getNameForParameter(parameter);
				Map<String, String> extra = new java.util.LinkedHashMap<>();
				info.getParamsCondition()
					.getExpressions()
					.stream()
					.filter(e -> !e.isNegated())
					.forEach(e -> extra.put(e.getName(), e.getValue() == null ? "x" : e.getValue()));
				for (String pattern : info.getPatternValues()) {
					if (pattern.startsWith("/api/")) {
						continue;
					}
					String path = pattern;
					int id = pattern.indexOf("{id}");
					if (id >= 0 && DEMO_IDS.containsKey(pattern.substring(0, id + 4))) {
						List<Object> ids = jdbc.sql(DEMO_IDS.get(pattern.substring(0, id + 4)) + " ORDER BY id")
							.query()
							.singleColumn();
						if (!ids.isEmpty()) {
							path = path.replace("{id}", ids.get(0).toString());
						}
					}
					path = path.replaceAll("\\{[^}]+}", UUID.randomUUID().toString());
					for (RequestMethod method : methods) {
						if (method != RequestMethod.POST && method != RequestMethod.PUT) {
							continue;
						}
						for (String field : typedFields(type, "")) {
							fields.add(new Field(method.asHttpMethod(), pattern, path, formName, field, extra));
						}
					}
				}
			}
		}
		assertThat(fields).as("form records found").isNotEmpty();
		return fields;
	}

	/**
	 * The names of a record's typed components; a component that is a record, or a list
	 * of records (rows), contributes its own, as {@code row.field} or
	 * {@code rows[0].field}.
	 */
	static List<String> typedFields(Class<?> type, String prefix) {
		List<String> names = new ArrayList<>();
		for (RecordComponent component : type.getRecordComponents()) {
			Class<?> nested = component.getType().isRecord() ? component.getType() : null;
			String path = prefix + component.getName();
			if (nested == null && Collection.class.isAssignableFrom(component.getType())
					&& component.getGenericType() instanceof ParameterizedType p
					&& p.getActualTypeArguments()[0] instanceof Class<?> element && element.isRecord()) {
				nested = element;
				path = path + "[0]";
			}
			if (nested != null) {
				if (prefix.isEmpty()) {
					names.addAll(typedFields(nested, path + "."));
				}
			}
			else if (typed(component)) {
				names.add(path);
			}
		}
		return names;
	}

	/** A component a browser sends as text but the form reads as something else. */
	static boolean typed(RecordComponent component) {
		Class<?> type = component.getType();
		if (CharSequence.class.isAssignableFrom(type) || MultipartFile.class.isAssignableFrom(type)
				|| type.isRecord()) {
			return false;
		}
		if (Collection.class.isAssignableFrom(type)) {
			Type element = component.getGenericType() instanceof ParameterizedType p ? p.getActualTypeArguments()[0]
					: Object.class;
			return !(element instanceof Class<?> c && (CharSequence.class.isAssignableFrom(c)
					|| MultipartFile.class.isAssignableFrom(c) || c == Object.class));
		}
		return !Map.class.isAssignableFrom(type);
	}

	/**
	 * The message the form shows for the field: from its binding result, or from the
	 * field-to-message-key map a form with its own rendering keeps ({@code fieldErrors},
	 * the course offering editor's rows).
	 */
	String fieldMessage(ModelAndView view, Field f) {
		if (view == null) {
			return null;
		}
		if (view.getModel().get("fieldErrors") instanceof Map<?, ?> own && own.get(f.field()) instanceof String key) {
			return messages.getMessage(key, null, Locale.ENGLISH);
		}
		Object errors = view.getModel().get(BindingResult.MODEL_KEY_PREFIX + f.formName());
		FieldError error = errors instanceof BindingResult result ? result.getFieldError(f.field()) : null;
		return error == null ? null : messages.getMessage(error, Locale.ENGLISH);
	}

	/** A demo login, or null where the test data has none. */
	CprUser user(String login) {
		try {
			return (CprUser) users.loadUserByUsername(login);
		}
		catch (org.springframework.security.core.userdetails.UsernameNotFoundException none) {
			return null;
		}
	}

	static String name(String login) {
		return login.isEmpty() ? "nobody" : login;
	}

	static String rootCause(Throwable e) {
		if (e == null) {
			return "";
		}
		Throwable t = e;
		while (t.getCause() != null && t.getCause() != t) {
			t = t.getCause();
		}
		return t.getClass().getSimpleName() + ": " + t.getMessage();
	}

}
